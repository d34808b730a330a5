import { getEnv } from "./env";

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof levels;

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (levels[level] < levels[getEnv().LOG_LEVEL]) return;
  const line = fields ? `${message} ${JSON.stringify(fields, errorReplacer)}` : message;
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  stream.write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${line}\n`);
}

// An error's cause is kept: drizzle's "Failed query" wraps the driver's error, whose message
// and code are PostgreSQL's own reason (e.g. 22021 invalid byte sequence). Only named
// fields are written: the driver's error also holds the query's parameters.
function errorReplacer(_key: string, value: unknown) {
  if (!(value instanceof Error)) return value;
  const message = redactQueryParams(value.message);
  const { code } = value as { code?: unknown };
  return {
    name: value.name,
    message,
    ...(typeof code === "string" ? { code } : {}),
    stack: value.stack?.replace(value.message, message),
    ...(value.cause === undefined ? {} : { cause: value.cause }),
  };
}

// drizzle puts a failed query's parameters in the error message: password hashes, keys
// and customer data have no place in a log.
export function redactQueryParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]");
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
