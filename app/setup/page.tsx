import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { db } from "@/lib/db/client";
import { hasAnyUser } from "@/lib/users/has-any-user";

export const metadata: Metadata = { title: "Set up · Touchbase" };

export default async function SetupPage() {
  await connection();
  if (await hasAnyUser(db())) redirect("/login");
  return (
    <AuthCard title="Set up Touchbase" subtitle="Create the first admin account for your workspace.">
      <SetupForm />
    </AuthCard>
  );
}
