import { describe, expect, it } from "vitest";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { compareTickets, inboxHref, matchesInboxFilter, parseInboxFilter } from "./inbox-filter";

const ticket = (overrides: Partial<TicketSummary>): TicketSummary => ({
  id: "00000000-0000-4000-8000-000000000001",
  number: 1001,
  subject: "Help",
  status: "open",
  priority: "normal",
  channel: "email",
  channelId: null,
  tags: [],
  customer: { id: "c", name: "Maria", email: "maria@example.net" },
  assignee: null,
  team: null,
  snoozedUntil: null,
  lastMessageAt: "2026-01-01T10:00:00.000Z",
  lastMessagePreview: "",
  lastMessageSeq: 1,
  version: 1,
  firstResponseAt: null,
  resolvedAt: null,
  call: null,
  callBackRequestedAt: null,
  createdAt: "2026-01-01T10:00:00.000Z",
  updatedAt: "2026-01-01T10:00:00.000Z",
  ...overrides,
});

describe("inbox filter", () => {
  it("falls back to open tickets for everyone on unknown values", () => {
    expect(parseInboxFilter({ status: "bogus", assignee: ["me", "none"] })).toEqual({ status: "open", assignee: "me" });
    expect(parseInboxFilter({})).toEqual({ status: "open", assignee: "all" });
  });

  it("keeps the default view's URL clean", () => {
    expect(inboxHref({ status: "open", assignee: "all" })).toBe("/inbox");
    expect(inboxHref({ status: "all", assignee: "none" })).toBe("/inbox?status=all&assignee=none");
  });

  it("matches live tickets against status and assignee", () => {
    const mine = ticket({ assignee: { id: "me", name: "Me", email: null } });
    expect(matchesInboxFilter(mine, { status: "open", assignee: "me" }, "me")).toBe(true);
    expect(matchesInboxFilter(mine, { status: "open", assignee: "none" }, "me")).toBe(false);
    expect(matchesInboxFilter(mine, { status: "pending", assignee: "all" }, "me")).toBe(false);
    expect(matchesInboxFilter(ticket({ status: "resolved" }), { status: "all", assignee: "none" }, "me")).toBe(true);
  });

  it("orders newest activity first", () => {
    const older = ticket({ id: "a", lastMessageAt: "2026-01-01T09:00:00.000Z" });
    const newer = ticket({ id: "b", lastMessageAt: "2026-01-01T11:00:00.000Z" });
    expect([older, newer].sort(compareTickets).map((t) => t.id)).toEqual(["b", "a"]);
  });
});

describe("the call-back view", () => {
  it("keeps its place in the URL and holds only tickets waiting for a call back", () => {
    expect(parseInboxFilter({ task: "call-back" })).toEqual({ status: "open", assignee: "all", task: "call-back" });
    expect(parseInboxFilter({ task: "bogus" }).task).toBeUndefined();
    expect(inboxHref({ status: "all", assignee: "all", task: "call-back" })).toBe("/inbox?status=all&task=call-back");
    const filter = { status: "all", assignee: "all", task: "call-back" } as const;
    expect(matchesInboxFilter(ticket({ callBackRequestedAt: "2026-01-01T10:00:00.000Z" }), filter, "me")).toBe(true);
    expect(matchesInboxFilter(ticket({}), filter, "me")).toBe(false);
  });
});
