import { getEnv } from "@/lib/env";

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  /** What the sign-in button says: "Sign in with <name>". */
  name: string;
  defaultRole: "staff" | "agent";
};

/** Company sign-in as configured by OIDC_*, or null when it is not set up. */
export function oidcConfig(): OidcConfig | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_ALLOWED_DOMAINS) return null;
  return {
    // Issuers are compared exactly, and discovery appends to it: no trailing slash.
    issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    allowedDomains: env.OIDC_ALLOWED_DOMAINS,
    name: env.OIDC_NAME,
    defaultRole: env.OIDC_DEFAULT_ROLE,
  };
}

export function passwordSignInEnabled(): boolean {
  return getEnv().PASSWORD_SIGN_IN === "on";
}
