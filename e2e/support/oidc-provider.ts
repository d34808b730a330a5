import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider from "oidc-provider";
import { testOidcClient } from "./test-oidc-client";

// A real OpenID Connect provider for the company sign-in tests (the `oidc-provider`
// package). Its development login form accepts any login name, which becomes the account:
// a name with an "@" is that person's email, verified unless it starts with "unverified".
// A login starting with "forge-audience", "forge-expired" or "forge-nonce" gets an ID token
// signed with the provider's real key but with that claim wrong, as an attacker replaying
// or tampering with a token would present it.

export type TestOidcProvider = { issuer: string; close: () => Promise<void> };

const forgeries: Record<string, (claims: Record<string, unknown>) => Record<string, unknown>> = {
  "forge-audience": (claims) => ({ ...claims, aud: "some-other-app" }),
  "forge-expired": (claims) => ({ ...claims, iat: now() - 7200, exp: now() - 3600 }),
  "forge-nonce": (claims) => ({ ...claims, nonce: "a-nonce-from-another-sign-in" }),
};

const now = () => Math.floor(Date.now() / 1000);

export async function startTestOidcProvider(options: { port: number; redirectUris: string[] }): Promise<TestOidcProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "e2e", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: testOidcClient.clientId,
        client_secret: testOidcClient.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey] },
    async findAccount(_ctx, login) {
      return {
        accountId: login,
        async claims() {
          return {
            sub: login,
            email: login.includes("@") ? login : undefined,
            email_verified: !login.startsWith("unverified"),
            name: login.split("@")[0]!.replace(/[._-]/g, " "),
          };
        },
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Scope claims in the ID token itself, where next-auth reads them.
    conformIdTokenClaims: false,
    cookies: { keys: ["touchbase-e2e-oidc-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !body?.id_token) return;
    const claims = decodeJwt(body.id_token) as Record<string, unknown>;
    const login = String(claims.sub);
    const forge = Object.entries(forgeries).find(([prefix]) => login.startsWith(prefix))?.[1];
    if (!forge) return;
    body.id_token = await new SignJWT(forge(claims)).setProtectedHeader({ alg: "RS256", kid: "e2e" }).sign(privateKey);
  });

  const server = provider.listen(options.port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
