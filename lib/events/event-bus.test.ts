import { describe, expect, it } from "vitest";
import type { DomainEvent } from "./domain-events";
import { publish, subscribe } from "./event-bus";
import { forTicket } from "@/lib/testing/record-events";
import type { TicketSummary } from "@/lib/tickets/ticket-views";

const ticket = { id: "event-bus-test-ticket" } as TicketSummary;
const event: DomainEvent = { type: "ticket.updated", ticket, changes: ["status"] };
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("event bus", () => {
  it("delivers to every listener after the publisher has moved on, and stops on unsubscribe", async () => {
    const seen: string[] = [];
    const stopA = subscribe((e) => void (forTicket(ticket.id)(e) && seen.push("a")));
    const stopB = subscribe((e) => void (forTicket(ticket.id)(e) && seen.push("b")));
    publish(event);
    expect(seen).toEqual([]);
    await settle();
    expect(seen.sort()).toEqual(["a", "b"]);

    stopA();
    stopB();
    publish(event);
    await settle();
    expect(seen).toHaveLength(2);
  });

  it("keeps delivering to other listeners when one fails", async () => {
    const seen: string[] = [];
    const stopFailing = subscribe(() => {
      throw new Error("listener broke (expected in this test)");
    });
    const stop = subscribe((e) => void (forTicket(ticket.id)(e) && seen.push(e.type)));
    publish(event);
    await settle();
    expect(seen).toEqual(["ticket.updated"]);
    stopFailing();
    stop();
  });
});
