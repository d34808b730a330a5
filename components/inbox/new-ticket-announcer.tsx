"use client";

import { useEffect, useRef, useState } from "react";
import { useAgentEvent } from "@/components/realtime/use-agent-event";
import { customerLabel } from "@/components/ui/customer-label";
import type { TicketSummary } from "@/lib/tickets/ticket-views";
import { matchesInboxFilter, type InboxFilter } from "./inbox-filter";

const newTicketMs = 60_000;

/**
 * Reads out a ticket that arrives in this view of the inbox ("New ticket #1042 from Maria
 * Garcia: Where is my order?"): the row's flash is not seen by everyone.
 */
export function NewTicketAnnouncer({ tickets, filter, userId }: { tickets: TicketSummary[]; filter: InboxFilter; userId: string }) {
  const [announcement, setAnnouncement] = useState("");
  const shown = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    shown.current = new Set(tickets.map((ticket) => ticket.id));
  }, [tickets]);

  useAgentEvent("ticket:changed", (ticket) => {
    if (shown.current.has(ticket.id) || !matchesInboxFilter(ticket, filter, userId)) return;
    const who = customerLabel(ticket.customer);
    const isNew = Date.now() - Date.parse(ticket.createdAt) < newTicketMs;
    setAnnouncement(
      isNew ? `New ticket #${ticket.number} from ${who}: ${ticket.subject}` : `Ticket #${ticket.number} from ${who} is now in this list: ${ticket.subject}`,
    );
  });

  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
