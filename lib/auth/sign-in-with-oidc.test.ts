import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditLog, users } from "@/lib/db/schema";
import { createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import type { OidcConfig } from "./oidc-config";
import { signInWithOidc, type OidcIdentity } from "./sign-in-with-oidc";

const config: OidcConfig = {
  issuer: "https://login.acme.test",
  clientId: "touchbase",
  clientSecret: "secret",
  allowedDomains: ["acme.test"],
  name: "Acme",
  defaultRole: "staff",
};

const employee = (overrides: Partial<OidcIdentity> = {}): OidcIdentity => {
  const id = uniqueSuffix();
  return { issuer: config.issuer, subject: `sub-${id}`, email: `Pat.${id}@ACME.test`, emailVerified: true, name: "Pat Doe", ...overrides };
};

describe("company sign-in", () => {
  it("makes a staff account on the first sign-in, recorded in the audit log, and finds it by subject afterwards", async () => {
    const identity = employee();
    const first = await signInWithOidc(identity, config);
    expect(first).toMatchObject({ outcome: "signed_in", created: true, user: { role: "staff", email: identity.email!.toLowerCase() } });
    if (first.outcome !== "signed_in") return;
    expect(await db().select().from(auditLog).where(eq(auditLog.targetId, first.user.id))).toEqual([
      expect.objectContaining({ action: "teammate.joined", actorUserId: first.user.id }),
    ]);

    // The provider may change someone's address; the subject stays theirs.
    const later = await signInWithOidc({ ...identity, email: `pat.renamed.${uniqueSuffix()}@acme.test` }, config);
    expect(later).toMatchObject({ outcome: "signed_in", created: false, user: { id: first.user.id } });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("makes one account when the same person's first sign-ins race (%i)", async () => {
    const identity = employee();
    const results = await Promise.all([signInWithOidc(identity, config), signInWithOidc(identity, config)]);
    const ids = results.map((result) => (result.outcome === "signed_in" ? result.user.id : result.reason));
    expect(new Set(ids).size, JSON.stringify(ids)).toBe(1);
    expect(await db().select().from(users).where(eq(users.email, identity.email!.toLowerCase()))).toHaveLength(1);
  });

  it("refuses other domains, unverified or missing emails, and deactivated people, making nothing", async () => {
    const gone = await createTestUser({ email: `gone-${uniqueSuffix()}@acme.test`, active: false });
    const cases: [OidcIdentity, string][] = [
      [employee({ email: `pat-${uniqueSuffix()}@acme.test.evil.example` }), "domain_not_allowed"],
      [employee({ email: `pat-${uniqueSuffix()}@sub.acme.test` }), "domain_not_allowed"],
      [employee({ emailVerified: false }), "email_unverified"],
      [employee({ emailVerified: undefined }), "email_unverified"],
      [employee({ email: undefined }), "email_unverified"],
      [employee({ email: gone.user.email }), "deactivated"],
    ];
    for (const [identity, reason] of cases) {
      expect(await signInWithOidc(identity, config), JSON.stringify(identity)).toEqual({ outcome: "refused", reason });
      expect(await db().select().from(users).where(eq(users.oidcSubject, identity.subject))).toEqual([]);
    }
  });

  it("links an existing password account on a verified email, but never a second subject to it", async () => {
    const { user } = await createTestUser({ email: `sam-${uniqueSuffix()}@acme.test`, role: "agent" });
    const identity = employee({ email: user.email });
    expect(await signInWithOidc(identity, config)).toMatchObject({ outcome: "signed_in", created: false, user: { id: user.id, role: "agent" } });

    const impostor = employee({ email: user.email, subject: `other-${uniqueSuffix()}` });
    expect(await signInWithOidc(impostor, config)).toEqual({ outcome: "refused", reason: "linked_elsewhere" });
  });
});
