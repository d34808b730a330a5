import { childProcessEnv } from "@/lib/env";
import { spawn } from "node:child_process";

// The real app as `npm start` runs it (production build, server.ts), in its own process
// group, for benchmarks and tests that measure or crash the whole process.

export type AppProcess = {
  baseUrl: string;
  /** The process group of `npm start` and the server it runs (for reading their CPU time). */
  processGroup: number;
  /** Everything the app printed so far. */
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not stopped within 15 s. */
  stop: () => Promise<void>;
  /** SIGKILL at once, as a crash or an OOM kill would. */
  kill: () => Promise<void>;
};

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Starts `npm start` and resolves once /api/health answers 200. */
export async function startApp(options: {
  port: number;
  databaseUrl: string;
  authSecret: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Called with "building" when a build runs first, and with "." while waiting. */
  onProgress?: (event: "building" | ".") => void;
}): Promise<AppProcess> {
  const env = childProcessEnv({
    PORT: String(options.port),
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: options.authSecret,
    LOG_LEVEL: "warn",
    SMTP_URL: "",
    SMTP_PORT: "0",
    APP_URL: undefined,
    ...options.env,
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let output = "";
  let building = false;
  const collect = (chunk: Buffer) => {
    output += chunk;
    if (!building && output.includes("Building Touchbase")) {
      building = true;
      options.onProgress?.("building");
    }
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);

  const signal = async (name: NodeJS.Signals, waitMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return true;
    try {
      process.kill(-child.pid!, name);
    } catch {
      return true;
    }
    return Promise.race([exited.then(() => true), sleep(waitMs).then(() => false)]);
  };
  const app: AppProcess = {
    baseUrl,
    processGroup: child.pid!,
    output: () => output,
    stop: async () => {
      if (!(await signal("SIGTERM", 15_000))) await signal("SIGKILL", 5_000);
    },
    kill: async () => {
      await signal("SIGKILL", 5_000);
    },
  };

  const startedAt = performance.now();
  const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (performance.now() - startedAt > timeoutMs) {
      await app.kill();
      throw new Error(`no healthy answer from ${baseUrl} in ${Math.round(timeoutMs / 1000)} s:\n${output}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return app;
    await sleep(250);
    options.onProgress?.(".");
  }
}
