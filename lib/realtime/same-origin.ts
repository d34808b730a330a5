import type { IncomingHttpHeaders } from "node:http";
import { forwardedRequest } from "@/lib/http/forwarded-request";

/**
 * Whether a browser opened this socket from one of our own pages. The session cookie is
 * sent from any page on the same site, so without this check a sibling subdomain could
 * open a socket as the signed-in user. Requests without an Origin are not from a browser
 * page and carry no ambient credentials worth stealing.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, appUrl: string | undefined, trustedProxyHops: number): boolean {
  const origin = headers.origin;
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  // Behind a proxy the Host header may be the internal one: the configured APP_URL and the
  // forwarded host count as ours too, the latter only when TRUST_PROXY vouches for it
  // (otherwise a script outside a browser could name any host it likes).
  const forwardedHost = forwardedRequest(headers, undefined, trustedProxyHops).host;
  const ours = [headers.host, forwardedHost, appUrl && new URL(appUrl).host];
  return ours.some((host) => typeof host === "string" && host === originHost);
}
