import type { IncomingHttpHeaders } from "node:http";

/**
 * Whether a browser opened this socket from one of our own pages. The session cookie is
 * sent from any page on the same site, so without this check a sibling subdomain could
 * open a socket as the signed-in user. Requests without an Origin are not from a browser
 * page and carry no ambient credentials worth stealing.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, appUrl: string | undefined): boolean {
  const origin = headers.origin;
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  // Behind a proxy the Host header may be the internal one: the forwarded host and the
  // configured APP_URL count as ours too. A page cannot set either header on a socket.
  const ours = [headers.host, headers["x-forwarded-host"], appUrl && new URL(appUrl).host];
  return ours.some((host) => typeof host === "string" && host.split(",")[0]!.trim() === originHost);
}
