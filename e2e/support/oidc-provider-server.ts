import { startTestOidcProvider } from "./oidc-provider";

// Started by Playwright as a second web server (playwright.config.ts) so that the app can
// be configured with it as its company sign-in.
const port = Number(process.argv[2]);
const appOrigin = process.argv[3];
if (!port || !appOrigin) throw new Error("usage: oidc-provider-server.ts <port> <app origin>");

const provider = await startTestOidcProvider({ port, redirectUris: [`${appOrigin}/api/auth/callback/oidc`] });
process.stdout.write(`Test OpenID Connect provider at ${provider.issuer}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void provider.close().then(() => process.exit(0)));
