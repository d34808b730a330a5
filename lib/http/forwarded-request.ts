import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** Who sent a request and which public host and scheme it was addressed to, as far as we can trust. */
export type ForwardedRequest = {
  /** The client's IP address: the socket peer, or the address the outermost trusted proxy saw. */
  address: string;
  /** The host the client asked for, or undefined when the request named none. */
  host: string | undefined;
  /** The scheme the client used, when a trusted proxy said so; undefined means "as the socket". */
  proto: "http" | "https" | undefined;
};

/**
 * Reads X-Forwarded-For/Host/Proto as far as `trustedHops` proxies vouch for them.
 *
 * Each proxy appends to X-Forwarded-For the address it received the request from, so with
 * N trusted proxies the client is the Nth entry from the end (counting the socket peer as
 * the last proxy); anything further left was written by the client and may be forged.
 * X-Forwarded-Host and -Proto are read the same way: the entry the outermost trusted proxy
 * wrote, which is the only one when that proxy overwrites the header, as most do.
 * With 0 trusted hops no forwarded header counts: anyone can send them.
 */
export function forwardedRequest(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  trustedHops: number,
): ForwardedRequest {
  const peer = normalizeAddress(socketAddress ?? "") || "unknown";
  const host = headerList(headers.host)[0];
  if (trustedHops <= 0) return { address: peer, host, proto: undefined };

  const addresses = [...headerList(headers["x-forwarded-for"]), peer];
  const address = normalizeAddress(addresses[Math.max(0, addresses.length - 1 - trustedHops)]!) || peer;
  const forwardedHost = trustedEntry(headerList(headers["x-forwarded-host"]), trustedHops);
  const forwardedProto = trustedEntry(headerList(headers["x-forwarded-proto"]), trustedHops)?.toLowerCase();
  return {
    address,
    host: forwardedHost ?? host,
    proto: forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : undefined,
  };
}

/** The header that carries the trusted client address from server.ts to route handlers. */
export const clientAddressHeader = "x-touchbase-client-address";

const proxyHeaders = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * Rewrites an incoming request's headers so that everything after server.ts (Next.js,
 * next-auth's redirects, route handlers, server actions' origin check) sees only what the
 * trusted proxies vouch for: forged X-Forwarded-* headers are dropped, and the client
 * address travels in a header that a client cannot set.
 */
export function applyTrustedProxy(request: IncomingMessage, trustedHops: number): ForwardedRequest {
  const forwarded = forwardedRequest(request.headers, request.socket.remoteAddress, trustedHops);
  for (const name of [...proxyHeaders, clientAddressHeader]) delete request.headers[name];
  request.headers[clientAddressHeader] = forwarded.address;
  if (trustedHops > 0) {
    if (forwarded.host) request.headers["x-forwarded-host"] = forwarded.host;
    if (forwarded.proto) request.headers["x-forwarded-proto"] = forwarded.proto;
  }
  return forwarded;
}

function headerList(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function trustedEntry(entries: string[], trustedHops: number): string | undefined {
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - trustedHops)];
}

// "::ffff:10.0.0.1" is how Node reports an IPv4 peer on a dual-stack socket.
function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\](:\d+)?$/, "$1");
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}
