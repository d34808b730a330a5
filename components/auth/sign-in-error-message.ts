import { oidcSignInErrors } from "@/lib/auth/sign-in-errors";

// next-auth sends the browser back to /login?error=<code>; the code is all it carries.
const messages: Record<string, string> = {
  [oidcSignInErrors.email_unverified]:
    "Your company account has no verified email address, so Touchbase cannot tell who you are. Ask your IT team to verify it.",
  [oidcSignInErrors.domain_not_allowed]:
    "Company sign-in is open to the company's own email addresses only. Ask an admin to add you.",
  [oidcSignInErrors.deactivated]: "Your Touchbase account has been deactivated. Ask an admin to reactivate it.",
  [oidcSignInErrors.linked_elsewhere]:
    "Your Touchbase account is already linked to another company sign-in. Ask an admin for help.",
  OAuthCallback: "Company sign-in did not complete (the answer from the identity provider could not be verified). Try again.",
  OAuthSignin: "Company sign-in could not start. Try again, or ask an admin to check the sign-in settings.",
  Callback: "Company sign-in did not complete. Try again.",
  AccessDenied: "Company sign-in was refused.",
};

/** What the login page says about the `error` it was sent back with; unknown codes say something general. */
export function signInErrorMessage(code: string | string[] | undefined): string | null {
  if (typeof code !== "string" || code === "") return null;
  return messages[code] ?? "Sign-in did not complete. Try again.";
}
