import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestCustomer, createTestUser } from "@/lib/testing/factories";
import { listCustomerLookups } from "./list-customer-lookups";
import { recordCustomerLookup } from "./record-customer-lookup";

describe("customer lookups", () => {
  it("records lookups by the staff role only, and lists them newest first a page at a time", async () => {
    const staff = await createTestUser({ role: "staff" });
    const agent = await createTestUser({ role: "agent" });
    const first = await createTestCustomer({ name: "Looked Up First" });
    const second = await createTestCustomer({ name: "Looked Up Second" });

    await recordCustomerLookup(db(), staff.actor, first.id);
    await recordCustomerLookup(db(), agent.actor, first.id);
    await recordCustomerLookup(db(), staff.actor, second.id);

    // Other tests record lookups too: walk the pages until ours have all been seen.
    const mine: string[] = [];
    let page = await listCustomerLookups(db(), { limit: 1 });
    for (let i = 0; i < 200; i++) {
      mine.push(...page.lookups.filter((l) => [staff.user.id, agent.user.id].includes(l.user.id)).map((l) => l.customer.name!));
      if (!page.nextCursor || mine.length === 2) break;
      page = await listCustomerLookups(db(), { limit: 1, cursor: page.nextCursor });
    }
    expect(mine).toEqual(["Looked Up Second", "Looked Up First"]);
  });
});
