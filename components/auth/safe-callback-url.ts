/**
 * Where to go after signing in. Only the path is kept, so a crafted login link cannot
 * send someone to another site (next-auth itself passes absolute URLs on our origin).
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url) return "/inbox";
  try {
    const parsed = new URL(url, "http://touchbase.invalid");
    const path = parsed.pathname + parsed.search + parsed.hash;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login") || path.startsWith("/setup")) {
      return "/inbox";
    }
    return path;
  } catch {
    return "/inbox";
  }
}
