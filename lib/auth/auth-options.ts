import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret } from "@/lib/env";
import { signInWithPassword } from "./sign-in-with-password";
import { signInUnavailableError, tooManySignInAttemptsError } from "./sign-in-errors";
import { logger } from "@/lib/logger";

const credentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

/**
 * Where next-auth may send the browser after signing in or out: only somewhere on our own
 * origin. next-auth's default throws (a 500) on a URL such as `http://localhost:3000.evil.example/`.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  try {
    const target = new URL(url, baseUrl);
    if (target.origin === new URL(baseUrl).origin) return target.href;
  } catch {
    // Not a URL at all: fall through to the app's home.
  }
  return baseUrl;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // Credentials sign-in needs JWT sessions; each request still loads the user from the
    // database (lib/auth/current-user.ts), so deactivating someone takes effect at once.
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const result = await signInWithPassword(parsed.data).catch((error: unknown) => {
            // next-auth would put the message in the redirect URL: log it, show a code.
            logger.error("sign-in failed", { error });
            throw new Error(signInUnavailableError);
          });
          // A thrown message reaches signIn() as `error`; returning null always reads "CredentialsSignin".
          if (result.outcome === "throttled") throw new Error(tooManySignInAttemptsError);
          if (result.outcome === "wrong_credentials") return null;
          return { id: result.user.id, email: result.user.email, name: result.user.name };
        },
      }),
    ],
    callbacks: {
      redirect: sameOriginRedirect,
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
}
