import { describe, expect, it } from "vitest";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import {
  compareTickets,
  filterOfSavedView,
  inboxHref,
  matchesInboxFilter,
  parseInboxFilter,
  savedViewFiltersOf,
  type InboxFilter,
} from "./inbox-filter";

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

const view = (filter: Partial<InboxFilter>): InboxFilter => ({ status: "open", assignee: "all", sort: "last_activity", ...filter });

describe("inbox filter", () => {
  it("falls back to open tickets for everyone on unknown values", () => {
    expect(parseInboxFilter({ status: "bogus", assignee: ["me", "none"] })).toEqual(view({ assignee: "me" }));
    expect(parseInboxFilter({})).toEqual(view({}));
    expect(parseInboxFilter({ team: "x'; drop", tag: "%", priority: "asap", sort: "random" })).toEqual(view({ tag: "%" }));
  });

  it("keeps the default view's URL clean and round-trips every filter", () => {
    expect(inboxHref(view({}))).toBe("/inbox");
    expect(inboxHref(view({ status: "all", assignee: "none" }))).toBe("/inbox?status=all&assignee=none");
    const full = view({ status: "snoozed", team: "none", channel: "chat", tag: "vip", priority: "urgent", sort: "oldest_activity", q: "refund" });
    const search = Object.fromEntries(new URL(inboxHref(full), "http://x").searchParams);
    expect(parseInboxFilter(search)).toEqual(full);
  });

  it("matches live tickets against every filter", () => {
    const mine = ticket({ assignee: { id: "me", name: "Me", email: null }, tags: ["vip"], team: { id: "t1", name: "Billing" } });
    expect(matchesInboxFilter(mine, view({ assignee: "me" }), "me")).toBe(true);
    expect(matchesInboxFilter(mine, view({ assignee: "none" }), "me")).toBe(false);
    expect(matchesInboxFilter(mine, view({ status: "pending" }), "me")).toBe(false);
    expect(matchesInboxFilter(mine, view({ tag: "vip", team: "t1" }), "me")).toBe(true);
    expect(matchesInboxFilter(mine, view({ tag: "late" }), "me")).toBe(false);
    expect(matchesInboxFilter(mine, view({ team: "none" }), "me")).toBe(false);
    expect(matchesInboxFilter(mine, view({ priority: "urgent" }), "me")).toBe(false);
    expect(matchesInboxFilter(ticket({ status: "resolved" }), view({ status: "all", assignee: "none" }), "me")).toBe(true);
  });

  it("orders newest activity first, or oldest first", () => {
    const older = ticket({ id: "a", lastMessageAt: "2026-01-01T09:00:00.000Z" });
    const newer = ticket({ id: "b", lastMessageAt: "2026-01-01T11:00:00.000Z" });
    expect([older, newer].sort((x, y) => compareTickets(x, y)).map((t) => t.id)).toEqual(["b", "a"]);
    expect([newer, older].sort((x, y) => compareTickets(x, y, "oldest_activity")).map((t) => t.id)).toEqual(["a", "b"]);
  });

  it("saves the filters a view picks and opens them again", () => {
    const filter = view({ assignee: "me", tag: "vip", sort: "oldest_activity" });
    const saved = savedViewFiltersOf(filter);
    expect(saved).toEqual({ status: "open", assigneeId: "me", tag: "vip", sort: "oldest_activity" });
    expect(filterOfSavedView("v1", saved)).toEqual({ ...filter, view: "v1" });
  });
});

describe("the call-back view", () => {
  it("keeps its place in the URL and holds only tickets waiting for a call back", () => {
    expect(parseInboxFilter({ task: "call-back" })).toEqual(view({ task: "call-back" }));
    expect(parseInboxFilter({ task: "bogus" }).task).toBeUndefined();
    expect(inboxHref(view({ status: "all", task: "call-back" }))).toBe("/inbox?status=all&task=call-back");
    const filter = view({ status: "all", task: "call-back" });
    expect(matchesInboxFilter(ticket({ callBackRequestedAt: "2026-01-01T10:00:00.000Z" }), filter, "me")).toBe(true);
    expect(matchesInboxFilter(ticket({}), filter, "me")).toBe(false);
  });
});
