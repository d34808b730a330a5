import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { authOptions } from "./auth-options";
import { requestPathHeader, signInPath } from "@/lib/http/request-path";
import { findActiveUser } from "./users";

/** The signed-in, still active staff member of this request, or null. */
export async function getCurrentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id ?? null;
  if (!id) return null;
  return findActiveUser(db(), id);
}

/**
 * For pages: sends visitors who are not signed in to the login page, with the address
 * they asked for (set by proxy.ts) to come back to once signed in.
 */
export async function requireUserOrRedirect(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath((await headers()).get(requestPathHeader)));
  return user;
}

/**
 * For server actions: refuses before any work when nobody is signed in, or when the person
 * signed in with a temporary password and has not chosen their own yet.
 */
export async function requireUser(): Promise<User> {
  const user = await requireUserEvenBeforePasswordChange();
  if (user.mustChangePassword) throw new AppError("forbidden", "Choose your own password first, on Your account");
  return user;
}

/** For the one server action allowed while a password change is required: the change itself. */
export async function requireUserEvenBeforePasswordChange(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Please sign in again");
  return user;
}
