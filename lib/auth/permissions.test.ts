import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { canIngestEvents, canManageSettings, canManageWorkspace, canReadCustomers, canWorkTickets } from "./permissions";

const user = (role: "admin" | "agent" | "staff"): Actor => ({ type: "user", id: "u", role, name: role });
const apiKey: Actor = { type: "api_key", id: "k", name: "zapier", scope: "full" };
const writeKey: Actor = { type: "api_key", id: "w", name: "website", scope: "ingest" };

describe("permissions", () => {
  it("lets every staff role and API keys work tickets", () => {
    for (const actor of [user("admin"), user("agent"), user("staff"), apiKey]) {
      expect(canWorkTickets(actor)).toBe(true);
    }
  });

  it("lets a write key (ingest scope) send events and nothing else", () => {
    expect(canIngestEvents(writeKey)).toBe(true);
    expect(canIngestEvents(apiKey)).toBe(true);
    expect(canWorkTickets(writeKey)).toBe(false);
    expect(canReadCustomers(writeKey)).toBe(false);
    expect(canManageSettings(writeKey)).toBe(false);
    expect(canManageWorkspace(writeKey)).toBe(false);
    expect(canManageWorkspace(apiKey)).toBe(true);
    expect(canIngestEvents(user("admin"))).toBe(false);
  });

  it("lets only admins manage settings", () => {
    expect(canManageSettings(user("admin"))).toBe(true);
    expect(canManageSettings(user("agent"))).toBe(false);
    expect(canManageSettings(user("staff"))).toBe(false);
    expect(canManageSettings(apiKey)).toBe(false);
  });
});
