import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The one place that reads process.env. Everything else asks getEnv().
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ error: "must be a port number (1-65535)" }).int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  APP_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  SMTP_PORT: z.coerce.number({ error: "must be a port number (0-65535)" }).int().min(0).max(65535).default(2525),
  SMTP_URL: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Benchmarks: log the event loop's delay (p50/p99/max) every this many milliseconds.
  EVENT_LOOP_REPORT_MS: z.coerce.number().int().min(100).optional(),
  // How many reverse proxies in front of the app add X-Forwarded-* headers. 0: none, and
  // those headers are ignored (anyone can send them).
  TRUST_PROXY: z.coerce
    .number({ error: "must be the number of trusted proxy hops (0-10)" })
    .int("must be the number of trusted proxy hops (0-10)")
    .min(0, "must be the number of trusted proxy hops (0-10)")
    .max(10, "must be the number of trusted proxy hops (0-10)")
    .default(0),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((value) => value.split(",").map((domain) => domain.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be domains such as acme.com, separated by commas")).min(1))
    .optional(),
  OIDC_NAME: z.string().min(1).max(60).default("your company"),
  OIDC_DEFAULT_ROLE: z.enum(["staff", "agent"], "must be staff or agent").default("staff"),
  PASSWORD_SIGN_IN: z.enum(["on", "off"], "must be on or off").default("on"),
  // Chat messages one IP address may send per minute through the widget, all its visitors
  // together (an office behind one NAT is many visitors); new chats and connections per
  // address are limited in proportion.
  WIDGET_IP_RATE_LIMIT: z.coerce.number({ error: "must be a whole number" }).int().min(1).default(300),
  // The demo shop page with the widget embedded, on another port so that it is another
  // origin; only with the demo workspace (no DATABASE_URL). 0 turns it off.
  DEMO_SHOP_PORT: z.coerce.number({ error: "must be a port number (0-65535)" }).int().min(0).max(65535).optional(),
  // Twilio's REST API, for placing calls; another base URL reaches a stand-in (tests, staging).
  TWILIO_API_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.twilio.com" })
    .transform((url) => url.replace(/\/+$/, ""))
    .default("https://api.twilio.com"),
});

const oidcVariables = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ALLOWED_DOMAINS"] as const;

/** Company sign-in is all or nothing: a half-configured provider is a mistake to report, not ignore. */
function checkSignInMethods(values: z.output<typeof envSchema>): string[] {
  const set = oidcVariables.filter((name) => values[name] !== undefined);
  if (set.length > 0 && set.length < oidcVariables.length) {
    return oidcVariables
      .filter((name) => values[name] === undefined)
      .map((name) => `  ${name}: required for company sign-in (${set.join(", ")} ${set.length === 1 ? "is" : "are"} set)`);
  }
  if (values.PASSWORD_SIGN_IN === "off" && set.length === 0) {
    return ["  PASSWORD_SIGN_IN: can be off only when company sign-in (OIDC_*) is configured"];
  }
  return [];
}

export type Env = z.infer<typeof envSchema> & {
  dataDir: string;
  /**
   * The interface to listen on: HOST, else localhost for the demo on the embedded database
   * (its logins are published in the README) and every interface with DATABASE_URL.
   */
  host: string;
  /** The database is the embedded PostgreSQL started by this process. */
  embeddedDatabase: boolean;
  /** PORT was given, not defaulted: a tool run beside the app then trusts it over the recorded URL. */
  portGiven: boolean;
};

let cached: Env | undefined;

export class EnvError extends Error {}

export function parseEnv(
  source: Record<string, string | undefined>,
): { success: true; env: Env } | { success: false; error: string } {
  const parsed = envSchema.safeParse(blankToUndefined(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    return { success: false, error: `Invalid environment:\n${lines.join("\n")}` };
  }
  const values = parsed.data;
  const problems = checkSignInMethods(values);
  if (problems.length > 0) return { success: false, error: `Invalid environment:\n${problems.join("\n")}` };
  return {
    success: true,
    env: {
      ...values,
      dataDir: path.resolve(values.DATA_DIR),
      embeddedDatabase: !values.DATABASE_URL,
      host: values.HOST ?? (values.DATABASE_URL ? "0.0.0.0" : "127.0.0.1"),
      portGiven: !!blankToUndefined(source).PORT,
    },
  };
}

export function getEnv(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.success) throw new EnvError(result.error);
  // next-auth reads its own variables; they are derived here so that nothing else does.
  if (result.env.APP_URL) process.env.NEXTAUTH_URL = result.env.APP_URL;
  else process.env.AUTH_TRUST_HOST = "true";
  cached = result.env;
  return cached;
}

let cachedAuthSecret: string | undefined;

/** The secret that signs sessions; asked for only by code that needs it, not by every tool. */
export function authSecret(): string {
  const env = getEnv();
  cachedAuthSecret ??= env.AUTH_SECRET ?? generatedAuthSecret(env.dataDir, env.embeddedDatabase);
  return cachedAuthSecret;
}

function generatedAuthSecret(dataDir: string, embeddedDatabase: boolean): string {
  if (!embeddedDatabase) {
    throw new EnvError(
      "Invalid environment:\n  AUTH_SECRET: required when DATABASE_URL is set (e.g. `openssl rand -base64 32`); " +
        "every app node must share it",
    );
  }
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      // "wx": of two processes starting at once, one writes and both read the same secret.
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

function blankToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

/** The base URL people reach the app at, for links in mail and start-up output. */
export function appUrl(): string {
  const env = getEnv();
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** Tests only: runs this module's copy of the app with some settings changed, e.g. SMTP_URL pointing at a test's sink. */
export function overrideEnvForTests(values: Partial<Env>): void {
  cached = { ...getEnv(), ...values };
}

/** The environment for a child process (the app started by a benchmark or test): this one's, with some values changed. */
export function childProcessEnv(values: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...values };
}

const appUrlFile = (env: Env) => path.join(env.dataDir, "app-url");

/** Notes where the app answers, for command-line tools run beside it (appUrlForTools). */
export function recordAppUrl(): void {
  const env = getEnv();
  mkdirSync(env.dataDir, { recursive: true });
  writeFileSync(appUrlFile(env), appUrl());
}

/**
 * The app's URL as a command-line tool should print it: APP_URL or PORT when given to the
 * tool, else the URL the app last started at with this DATA_DIR, else the default.
 */
export function appUrlForTools(): string {
  const env = getEnv();
  if (env.APP_URL || env.portGiven) return appUrl();
  try {
    return readFileSync(appUrlFile(env), "utf8").trim() || appUrl();
  } catch {
    return appUrl();
  }
}
