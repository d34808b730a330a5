/**
 * The header that proxy.ts sets on every page request to the path and query the browser
 * asked for: a server component cannot otherwise know it, and the sign-in redirect needs
 * it as the address to come back to. Set by us on each request, whatever a client sent.
 */
export const requestPathHeader = "x-touchbase-request-path";

/** The path and query of a page request, without Next's internal `_rsc` cache buster. */
export function pagePath(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  const query = search.toString();
  return url.pathname + (query ? `?${query}` : "");
}

/** The sign-in page, with the page to return to when there is one worth returning to. */
export function signInPath(returnTo: string | null): string {
  if (!returnTo || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo === "/") return "/login";
  return `/login?callbackUrl=${encodeURIComponent(returnTo)}`;
}
