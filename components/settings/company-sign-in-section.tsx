import type { OidcConfig } from "@/lib/auth/oidc-config";
import { SettingsSection } from "./settings-section";

type Props = { config: OidcConfig | null; passwordSignIn: boolean; redirectUrl: string };

/** Company sign-in is configured by environment variables; Settings shows what is in force. */
export function CompanySignInSection({ config, passwordSignIn, redirectUrl }: Props) {
  const rows: [string, string][] = config
    ? [
        ["State", "On"],
        ["Button", `Sign in with ${config.name}`],
        ["Issuer", config.issuer],
        ["Client ID", config.clientId],
        ["Allowed email domains", config.allowedDomains.join(", ")],
        ["Role of new people", config.defaultRole],
        ["Redirect URL", redirectUrl],
        ["Password sign-in", passwordSignIn ? "On" : "Off"],
      ]
    : [
        ["State", "Off: set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ALLOWED_DOMAINS to turn it on"],
        ["Redirect URL to register", redirectUrl],
        ["Password sign-in", "On"],
      ];
  return (
    <SettingsSection
      id="company-sign-in"
      title="Company sign-in"
      description="Employees sign in with the company's identity provider (OpenID Connect); anyone with a verified address in an allowed domain gets an account on their first sign-in."
    >
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-md bg-white p-3 text-sm ring-1 ring-zinc-200 sm:grid-cols-[12rem_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-zinc-700">{term}</dt>
            <dd className="break-all text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
    </SettingsSection>
  );
}
