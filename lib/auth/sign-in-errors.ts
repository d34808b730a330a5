// Client-safe codes that authorize() throws; next-auth hands the message to signIn() as
// `error`, so these are all the login form learns about why a sign-in failed.

export const tooManySignInAttemptsError = "TooManySignInAttempts";
export const signInUnavailableError = "SignInUnavailable";

// Why company sign-in refused someone: the login page explains each.
export const oidcSignInErrors = {
  email_unverified: "CompanySignInEmailUnverified",
  domain_not_allowed: "CompanySignInDomainNotAllowed",
  deactivated: "CompanySignInDeactivated",
  linked_elsewhere: "CompanySignInLinkedElsewhere",
} as const;

export function oidcSignInError(reason: keyof typeof oidcSignInErrors): string {
  return oidcSignInErrors[reason];
}
