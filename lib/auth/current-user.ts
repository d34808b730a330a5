import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { authOptions } from "./auth-options";
import { requestPathHeader, signInPath } from "@/lib/http/request-path";
import { findSessionUser } from "./sessions";

export type CurrentSession = { user: User; sessionId: string };

/** The signed-in, still active staff member of this request and their open session, or null. */
export async function getCurrentSession(): Promise<CurrentSession | null> {
  const session = (await getServerSession(authOptions())) as { user?: { id?: unknown }; sessionId?: unknown } | null;
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (typeof userId !== "string" || typeof sessionId !== "string") return null;
  const user = await findSessionUser(db(), { userId, sessionId });
  return user ? { user, sessionId } : null;
}

/** The signed-in, still active staff member of this request, or null. */
export async function getCurrentUser(): Promise<User | null> {
  return (await getCurrentSession())?.user ?? null;
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
  const { user } = await requireSessionEvenBeforePasswordChange();
  if (user.mustChangePassword) throw new AppError("forbidden", "Choose your own password first, on Your account");
  return user;
}

/** For the one server action allowed while a password change is required: the change itself. */
export async function requireSessionEvenBeforePasswordChange(): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (!session) throw new AppError("unauthorized", "Please sign in again");
  return session;
}
