import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import { users, type User } from "@/lib/db/schema";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { OidcConfig } from "./oidc-config";
import { userActor } from "./users";

/** What the company's identity provider vouched for, from a verified ID token. */
export type OidcIdentity = { issuer: string; subject: string; email?: string; emailVerified?: boolean; name?: string };

export const oidcRefusals = ["email_unverified", "domain_not_allowed", "deactivated", "linked_elsewhere"] as const;
export type OidcRefusal = (typeof oidcRefusals)[number];

export type OidcSignInResult = { outcome: "signed_in"; user: User; created: boolean } | { outcome: "refused"; reason: OidcRefusal };

/**
 * Lets an employee in through the company's identity provider. Anyone with a verified
 * email in an allowed domain gets an account on their first sign-in (customer experience
 * is everyone's job: nobody waits for an admin to invite them); later sign-ins find the
 * same person by the provider's subject. An existing account is linked only on a
 * verified email, and a deactivated person stays out.
 */
export async function signInWithOidc(identity: OidcIdentity, config: OidcConfig): Promise<OidcSignInResult> {
  const email = identity.email ? normalizeEmail(identity.email) : null;
  if (!email || identity.emailVerified !== true) return { outcome: "refused", reason: "email_unverified" };
  if (!config.allowedDomains.includes(email.slice(email.lastIndexOf("@") + 1))) {
    return { outcome: "refused", reason: "domain_not_allowed" };
  }
  try {
    return await findLinkOrCreate(identity, email, config);
  } catch (error) {
    // Two first sign-ins of one person at once: the second finds what the first made.
    if (isUniqueViolation(error, "users_email_key") || isUniqueViolation(error, "users_oidc_identity_key")) return findLinkOrCreate(identity, email, config);
    throw error;
  }
}

function findLinkOrCreate(identity: OidcIdentity, email: string, config: OidcConfig): Promise<OidcSignInResult> {
  return db().transaction(async (tx): Promise<OidcSignInResult> => {
    const [linked] = await tx
      .select()
      .from(users)
      .where(and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)));
    if (linked) return linked.active ? { outcome: "signed_in", user: linked, created: false } : refused("deactivated");

    const [existing] = await tx.select().from(users).where(eq(users.email, email)).for("update");
    if (existing) {
      if (!existing.active) return refused("deactivated");
      // Linked by a sign-in that committed since the lookup above: the same person.
      if (existing.oidcIssuer === identity.issuer && existing.oidcSubject === identity.subject) {
        return { outcome: "signed_in", user: existing, created: false };
      }
      if (existing.oidcSubject !== null) return refused("linked_elsewhere");
      const [user] = await tx
        .update(users)
        .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject })
        .where(eq(users.id, existing.id))
        .returning();
      return { outcome: "signed_in", user: user!, created: false };
    }

    const [user] = await tx
      .insert(users)
      .values({
        email,
        name: identity.name?.trim() || email.slice(0, email.indexOf("@")),
        role: config.defaultRole,
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
      })
      .returning();
    await recordAudit(tx, userActor(user!), {
      action: "teammate.joined",
      target: { type: "user", id: user!.id, name: user!.name },
      data: { email, role: user!.role, via: "company sign-in" },
    });
    return { outcome: "signed_in", user: user!, created: true };
  });
}

const refused = (reason: OidcRefusal): OidcSignInResult => ({ outcome: "refused", reason });

export async function findUserByOidcSubject(issuer: string, subject: string): Promise<User | undefined> {
  const [user] = await db()
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
  return user;
}
