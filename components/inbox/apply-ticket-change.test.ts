import { describe, expect, it } from "vitest";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { applyTicketChange } from "./apply-ticket-change";

const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
const ticket = (id: string, minute: number, updatedMinute = minute) =>
  ({ id, lastMessageAt: at(minute), updatedAt: at(updatedMinute) }) as TicketSummary;

describe("applyTicketChange", () => {
  const list = [ticket("c", 30), ticket("b", 20), ticket("a", 10)];

  it("moves a ticket with new activity to the top", () => {
    const next = applyTicketChange(list, ticket("a", 40), { belongs: true, hasMore: false });
    expect(next.map((t) => t.id)).toEqual(["a", "c", "b"]);
  });

  it("inserts a new ticket in order and removes one that left the view", () => {
    expect(applyTicketChange(list, ticket("d", 25), { belongs: true, hasMore: false }).map((t) => t.id)).toEqual([
      "c",
      "d",
      "b",
      "a",
    ]);
    expect(applyTicketChange(list, ticket("b", 20, 50), { belongs: false, hasMore: false }).map((t) => t.id)).toEqual([
      "c",
      "a",
    ]);
  });

  it("leaves older tickets for the next page and ignores stale updates", () => {
    expect(applyTicketChange(list, ticket("z", 5), { belongs: true, hasMore: true })).toHaveLength(3);
    const stale = applyTicketChange([ticket("a", 10, 50)], ticket("a", 10, 40), { belongs: false, hasMore: false });
    expect(stale.map((t) => t.id)).toEqual(["a"]);
  });
});
