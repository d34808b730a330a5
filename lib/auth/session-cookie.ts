import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/env";

// next-auth's cookie name; the __Secure- variant is used when the app is served over https.
const cookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The user id in a next-auth session cookie, if the cookie is genuine and unexpired. */
export async function userIdFromCookieHeader(cookieHeader: string | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  const token = cookieNames.map((name) => cookies.get(name)).find(Boolean);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    return typeof payload?.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}
