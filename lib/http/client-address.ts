import { getEnv } from "@/lib/env";
import { clientAddressHeader } from "./forwarded-request";

// For route handlers, server actions and next-auth callbacks: server.ts has already reduced
// the request's proxy headers to what TRUST_PROXY vouches for (lib/http/forwarded-request.ts).

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The client's IP address, as trusted per TRUST_PROXY; "unknown" outside server.ts (e.g. a test calling a handler). */
export function clientAddress(request: { headers: HeaderSource }): string {
  return header(request.headers, clientAddressHeader) ?? "unknown";
}

/** The origin people reach the app at: APP_URL when set, else the host and scheme of this request. */
export function publicOrigin(request: { headers: HeaderSource }): string {
  const { APP_URL, PORT } = getEnv();
  if (APP_URL) return new URL(APP_URL).origin;
  const host = header(request.headers, "x-forwarded-host") ?? header(request.headers, "host") ?? `localhost:${PORT}`;
  const proto = header(request.headers, "x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
