import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { CompanySignInButton } from "@/components/auth/company-sign-in-button";
import { LoginForm } from "@/components/auth/login-form";
import { signInErrorMessage } from "@/components/auth/sign-in-error-message";
import { FormError } from "@/components/ui/form-error";
import { oidcProviderId } from "@/lib/auth/auth-options";
import { oidcConfig, passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { hasAnyUser } from "@/lib/users/has-any-user";

export const metadata: Metadata = { title: "Sign in · Touchbase" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await connection();
  if (!(await hasAnyUser(db()))) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const company = oidcConfig();
  const withPassword = passwordSignInEnabled();
  return (
    <AuthCard title="Sign in" subtitle="Every customer conversation, in one place.">
      <div className="flex flex-col gap-4">
        <FormError message={signInErrorMessage(params.error)} />
        {company && <CompanySignInButton providerId={oidcProviderId} name={company.name} callbackUrl={callbackUrl} />}
        {company && withPassword && (
          <p className="flex items-center gap-3 text-xs text-zinc-600 before:h-px before:flex-1 before:bg-zinc-200 after:h-px after:flex-1 after:bg-zinc-200">
            or with your password
          </p>
        )}
        {params.reset === "1" && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-600/20">
            Your password is changed. Sign in with the new one.
          </p>
        )}
        {withPassword && <LoginForm callbackUrl={callbackUrl} />}
        {withPassword && (
          <a href="/forgot-password" className="text-sm font-medium text-indigo-700 hover:text-indigo-600">
            Forgot password?
          </a>
        )}
      </div>
    </AuthCard>
  );
}
