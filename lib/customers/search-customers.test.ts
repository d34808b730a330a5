import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/v1/customers/route";
import { db } from "@/lib/db/client";
import { companies, customers } from "@/lib/db/schema";
import { apiRequest } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestCustomer, uniqueSuffix, uniqueWord } from "@/lib/testing/factories";
import type { CustomerSearchResult } from "./customer-search-result";
import { searchCustomers } from "./search-customers";

const search = (q: string, limit = 10) => searchCustomers(db(), { q, limit });
const ids = (results: CustomerSearchResult[]) => results.map((r) => r.id);

describe("searchCustomers", () => {
  it("finds a customer by any part of the name, and by the first letters of any word", async () => {
    const first = uniqueWord("Zor");
    const last = uniqueWord("Quel");
    const customer = await createTestCustomer({ name: `${first} ${last}` });

    expect(ids(await search(`${first} ${last}`))[0]).toBe(customer.id);
    expect(ids(await search(last.slice(2, 9)))).toContain(customer.id);
    expect(ids(await search(first.toUpperCase()))).toContain(customer.id);
    expect(await search(last)).toEqual([
      { id: customer.id, name: `${first} ${last}`, email: customer.email, phone: null, company: null, match: { field: "name", value: `${first} ${last}` } },
    ]);
  });

  it("answers two letters with names that have a word starting with them", async () => {
    const customer = await createTestCustomer({ name: `Anna ${uniqueWord("Xy")}` });
    expect(ids(await search("xy", 50))).toContain(customer.id);
    // "y" and "n" inside a word do not start one.
    const inside = await search("yn", 50);
    expect(ids(inside)).not.toContain(customer.id);
  });

  it("finds a customer by email, phone in any format and external id, and says what matched", async () => {
    const suffix = uniqueSuffix();
    const digits = String(Math.floor(1e9 + Math.random() * 8e9));
    const customer = await createTestCustomer({
      name: "Dana Identity",
      email: `dana.${suffix}@shop.example`,
      phone: `+1${digits}`,
      externalId: `usr_${suffix}`,
    });

    expect((await search(`dana.${suffix}`))[0]).toMatchObject({ id: customer.id, match: { field: "email" } });
    const formatted = `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    expect((await search(formatted))[0]).toMatchObject({ id: customer.id, match: { field: "phone", value: `+1${digits}` } });
    expect((await search(`usr_${suffix}`))[0]).toMatchObject({ id: customer.id, match: { field: "external_id" } });
  });

  it("finds the people of a company by its name, and leaves merged customers out", async () => {
    const companyName = `${uniqueWord("Acme")} Logistics`;
    const [company] = await db().insert(companies).values({ name: companyName }).returning();
    const member = await createTestCustomer({ name: "Casey Member" });
    const merged = await createTestCustomer({ name: `Casey ${uniqueWord("Gone")}` });
    await db().update(customers).set({ companyId: company!.id }).where(eq(customers.id, member.id));
    await db()
      .update(customers)
      .set({ companyId: company!.id, mergedIntoId: member.id })
      .where(eq(customers.id, merged.id));

    expect(await search(companyName.split(" ")[0]!)).toEqual([
      expect.objectContaining({ id: member.id, company: companyName, match: { field: "company", value: companyName } }),
    ]);
    expect(ids(await search(merged.name!))).not.toContain(merged.id);
  });

  it("tolerates typos in the words of a name", async () => {
    const first = uniqueWord("Gwen");
    const last = uniqueWord("Zabr");
    const customer = await createTestCustomer({ name: `${first} ${last}` });
    // One letter dropped from each word, one swapped.
    const typo = `${first.slice(0, 3)}${first.slice(4)} ${last.slice(0, 2)}${last[3]}${last[2]}${last.slice(4, -1)}`;

    expect(ids(await search(typo))).toContain(customer.id);
  });

  it("takes % and _ literally", async () => {
    const word = uniqueWord("Pct");
    const customer = await createTestCustomer({ name: `${word} 100%_off` });
    expect(ids(await search("100%_off", 50))).toContain(customer.id);
    expect(ids(await search(`${word.slice(0, 4)}_`, 50))).not.toContain(customer.id);
  });

  it("returns names with markup as they are, for the page to show as text", async () => {
    const word = uniqueWord("Mark");
    const name = `<img src=x onerror=alert(1)> ${word}`;
    await createTestCustomer({ name });
    expect((await search(word))[0]?.name).toBe(name);
  });
});

describe("GET /api/v1/customers?q=", () => {
  it("searches with a key, refuses without one, and names a missing q", async () => {
    const { key } = await createTestApiKey();
    const word = uniqueWord("Api");
    const customer = await createTestCustomer({ name: `Api ${word}` });

    const found = await searchRoute(apiRequest(`/api/v1/customers?q=${word}&limit=5`, { key }));
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ data: [expect.objectContaining({ id: customer.id, name: `Api ${word}` })] });

    const anonymous = await searchRoute(apiRequest(`/api/v1/customers?q=${word}`));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });

    const missing = await searchRoute(apiRequest("/api/v1/customers", { key }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "q" }] } });

    const tooLong = await searchRoute(apiRequest(`/api/v1/customers?q=${"a".repeat(201)}`, { key }));
    expect(tooLong.status).toBe(400);
  });
});
