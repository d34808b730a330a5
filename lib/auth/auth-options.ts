import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/env";
import { publish } from "@/lib/events/event-bus";
import { clientAddress } from "@/lib/http/client-address";
import { sessionOf } from "./session-cookie";
import { endSession, sessionMaxAgeSeconds, startSession } from "./sessions";
import { signInInput } from "./sign-in.validation";
import { signInWithPassword } from "./sign-in-with-password";
import { logger } from "@/lib/logger";
import { oidcConfig, passwordSignInEnabled, type OidcConfig } from "./oidc-config";
import { oidcSignInError, signInUnavailableError, tooManySignInAttemptsError } from "./sign-in-errors";
import { findUserByOidcSubject, signInWithOidc } from "./sign-in-with-oidc";

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
    // Credentials sign-in needs JWT sessions. The JWT names a row in `sessions` that every
    // request checks (lib/auth/current-user.ts), so a session can be ended at once.
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/login" },
    providers: signInProviders(),
    callbacks: {
      redirect: sameOriginRedirect,
      async signIn({ account, profile }) {
        const oidc = oidcConfig();
        if (account?.provider !== oidcProviderId || !oidc) return true;
        const claims = profile as OidcClaims | undefined;
        const result = await signInWithOidc(
          {
            issuer: oidc.issuer,
            subject: account.providerAccountId,
            email: claims?.email,
            emailVerified: claims?.email_verified === true || claims?.email_verified === "true",
            name: claims?.name,
          },
          oidc,
        ).catch((error: unknown) => {
          logger.error("company sign-in failed", { error });
          throw error;
        });
        // A path is where next-auth sends the browser: the login page says why.
        return result.outcome === "signed_in" ? true : `/login?error=${oidcSignInError(result.reason)}`;
      },
      async jwt({ token, user, account }) {
        // `user` and `account` are only given at sign-in: the one moment a session starts.
        if (!user) return token;
        const oidc = oidcConfig();
        // The session names our user, never the provider's subject.
        const userId =
          account?.provider === oidcProviderId && oidc
            ? (await findUserByOidcSubject(oidc.issuer, account.providerAccountId))?.id
            : user.id;
        token.sub = userId;
        if (userId) {
          token.sid = await startSession(db(), userId);
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub }, sessionId: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        const session = sessionOf(token);
        if (!session) return;
        await endSession(db(), session.sessionId);
        publish({ type: "session.ended", sessionId: session.sessionId });
      },
    },
  };
}

export const oidcProviderId = "oidc";

type OidcClaims = { sub: string; email?: string; email_verified?: boolean | string; name?: string };

function signInProviders(): Provider[] {
  const oidc = oidcConfig();
  return [
    ...(passwordSignInEnabled() ? [passwordProvider()] : []),
    ...(oidc ? [companyProvider(oidc)] : []),
  ];
}

/**
 * The company's OpenID Connect provider. next-auth (openid-client) checks the ID token's
 * signature, issuer, audience and expiry, and the state, nonce and PKCE verifier of the
 * round trip; a response that fails any of them never reaches the callbacks above.
 */
function companyProvider(oidc: OidcConfig): Provider {
  return {
    id: oidcProviderId,
    name: oidc.name,
    type: "oauth",
    wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    profile: (claims: OidcClaims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? null }),
  };
}

function passwordProvider(): Provider {
  return CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      const parsed = signInInput.safeParse(raw);
      if (!parsed.success) return null;
      const result = await signInWithPassword({ ...parsed.data, address: clientAddress({ headers: request.headers }) }).catch((error: unknown) => {
        // next-auth would put the message in the redirect URL: log it, show a code.
        logger.error("sign-in failed", { error });
        throw new Error(signInUnavailableError);
      });
      // A thrown message reaches signIn() as `error`; returning null always reads "CredentialsSignin".
      if (result.outcome === "throttled") throw new Error(tooManySignInAttemptsError);
      if (result.outcome === "wrong_credentials") return null;
      return { id: result.user.id, email: result.user.email, name: result.user.name };
    },
  });
}
