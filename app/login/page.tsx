import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { hasAnyUser } from "@/lib/users/has-any-user";

export const metadata: Metadata = { title: "Sign in · Touchbase" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await connection();
  if (!(await hasAnyUser(db()))) redirect("/setup");
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Sign in" subtitle="Every customer conversation, in one place.">
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
