// How the app is registered at the test identity provider (e2e/support/oidc-provider.ts).
export const testOidcClient = { clientId: "touchbase-e2e", clientSecret: "touchbase-e2e-client-secret-0123456789" };
export const testOidcDomain = "acme.test";
