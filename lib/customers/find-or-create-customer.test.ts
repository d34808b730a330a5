import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { customerIdentities } from "@/lib/db/schema";
import { uniqueSuffix } from "@/lib/testing/factories";
import { findOrCreateCustomerByEmail, findOrCreateCustomerByPhone, normalizeEmail } from "./find-or-create-customer";

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });
});

describe("findOrCreateCustomerByEmail", () => {
  it("creates a customer with an email identity, then finds it by any case of the address", async () => {
    const email = `Find-${uniqueSuffix()}@Example.test`;
    const created = await db().transaction((tx) => findOrCreateCustomerByEmail(tx, { email, name: "Grace" }));
    const found = await db().transaction((tx) => findOrCreateCustomerByEmail(tx, { email: email.toUpperCase() }));

    expect(found.id).toBe(created.id);
    expect(created).toMatchObject({ email: email.toLowerCase(), name: "Grace" });
    const identities = await db()
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.customerId, created.id));
    expect(identities).toEqual([expect.objectContaining({ kind: "email", value: email.toLowerCase() })]);
  });

  it("yields one customer when many transactions race for a new address", async () => {
    const email = `race-${uniqueSuffix()}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => db().transaction((tx) => findOrCreateCustomerByEmail(tx, { email }))),
    );
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
  });
});

describe("findOrCreateCustomerByPhone", () => {
  it("creates a customer with a phone identity once, whoever races for the number", async () => {
    const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => db().transaction((tx) => findOrCreateCustomerByPhone(tx, { phone }))),
    );
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
    expect(results[0]).toMatchObject({ phone, email: null });
    const identities = await db().select().from(customerIdentities).where(eq(customerIdentities.customerId, results[0]!.id));
    expect(identities).toEqual([expect.objectContaining({ kind: "phone", value: phone })]);
  });
});
