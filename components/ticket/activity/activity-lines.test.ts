import { describe, expect, it } from "vitest";
import type { TicketActivityView } from "@/lib/tickets/ticket-views";
import { activityLines, describeActivity } from "./activity-lines";

const ana = { type: "user" as const, id: "u-ana", name: "Ana" };
const event = (type: string, data: Record<string, unknown>, overrides: Partial<TicketActivityView> = {}): TicketActivityView => ({
  id: "e1",
  ticketId: "t1",
  type,
  actor: ana,
  data,
  people: { "u-ben": "Ben", "u-ana": "Ana" },
  createdAt: "2026-11-23T14:02:00.000Z",
  ...overrides,
});

describe("activity lines", () => {
  it("says status changes in words", () => {
    expect(describeActivity(event("status.changed", { from: "open", to: "resolved" }))).toBe("Ana resolved this");
    expect(describeActivity(event("status.changed", { from: "resolved", to: "open" }))).toBe("Ana reopened this");
    expect(describeActivity(event("status.changed", { from: "open", to: "pending" }))).toBe("Ana set this to pending");
    expect(describeActivity(event("status.changed", { from: "resolved", to: "open", reason: "customer_wrote" }, { actor: null }))).toBe(
      "Reopened: the customer wrote again",
    );
  });

  it("says who assigned whom", () => {
    expect(describeActivity(event("assignee.changed", { from: null, to: "u-ben" }))).toBe("Ana assigned this to Ben");
    expect(describeActivity(event("assignee.changed", { from: "u-ben", to: "u-ana" }))).toBe("Ana assigned this to themselves");
    expect(describeActivity(event("assignee.changed", { from: "u-ben", to: null }))).toBe("Ana unassigned Ben");
    expect(describeActivity(event("assignee.changed", { from: "u-gone", to: null }, { people: {} }))).toBe("Ana unassigned a former teammate");
    expect(describeActivity(event("assignee.changed", { from: "u-ben", to: null, reason: "deactivated" }))).toBe(
      "Ana unassigned Ben (Ben was deactivated)",
    );
  });

  it("names an API key or Touchbase itself when no person made the change", () => {
    const apiKey = { type: "api_key" as const, id: "k1", name: "zapier" };
    expect(describeActivity(event("status.changed", { to: "resolved" }, { actor: apiKey }))).toBe("API key “zapier” resolved this");
    expect(describeActivity(event("status.changed", { to: "pending" }, { actor: null }))).toBe("Touchbase set this to pending");
  });

  it("says snoozes, closing, priority, team and tag changes", () => {
    expect(describeActivity(event("status.changed", { from: "snoozed", to: "open", reason: "snooze_ended" }, { actor: null }))).toBe(
      "Opened again: the snooze ended",
    );
    expect(describeActivity(event("status.changed", { from: "open", to: "snoozed", snoozedUntil: "2026-11-24T09:00:00.000Z" }))).toMatch(
      /^Ana snoozed this until /,
    );
    expect(describeActivity(event("status.changed", { from: "resolved", to: "closed" }))).toBe("Ana closed this");
    expect(describeActivity(event("priority.changed", { from: "normal", to: "urgent" }))).toBe("Ana set the priority to urgent");
    expect(describeActivity(event("team.changed", { from: null, to: "t1", toName: "Billing" }))).toBe("Ana moved this to the team Billing");
    expect(describeActivity(event("team.changed", { from: "t1", to: null }))).toBe("Ana took this out of its team");
    expect(describeActivity(event("tags.changed", { added: ["vip"], removed: ["late", "refund"] }))).toBe(
      "Ana tagged this vip and removed the tags late, refund",
    );
  });

  it("shows no line for a type without an entry", () => {
    expect(describeActivity(event("ticket.viewed", {}))).toBeNull();
    expect(Object.keys(activityLines)).toEqual(expect.arrayContaining(["status.changed", "assignee.changed"]));
  });
});
