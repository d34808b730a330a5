import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/env";

// next-auth's cookie name; the __Secure- variant is used when the app is served over https.
const cookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export type SessionCookie = { userId: string; sessionId: string };

/** The session a next-auth session cookie names, if the cookie is genuine and unexpired; whether it is still open is for lib/auth/sessions.ts. */
export async function sessionFromCookieHeader(cookieHeader: string | undefined): Promise<SessionCookie | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  const token = cookieNames.map((name) => cookies.get(name)).find(Boolean);
  if (!token) return null;
  try {
    return sessionOf(await decode({ token, secret: authSecret() }));
  } catch {
    return null;
  }
}

/** The session named by a decoded token; tokens from before sessions were recorded name none. */
export function sessionOf(payload: unknown): SessionCookie | null {
  if (typeof payload !== "object" || payload === null) return null;
  const { sub, sid } = payload as { sub?: unknown; sid?: unknown };
  return typeof sub === "string" && typeof sid === "string" ? { userId: sub, sessionId: sid } : null;
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
