import { statusLabels } from "@/components/ui/status-badge";
import type { TicketStatus } from "@/lib/tickets/ticket-constants";
import type { TicketActivityView } from "@/lib/tickets/ticket-views";

/**
 * What a change to a ticket says as a line in its conversation, one entry per
 * ticket_events type: `who` is the person (or API key, or Touchbase) who made it. A type
 * without an entry, or an entry that answers null, shows no line. To show a new kind of
 * change, write its event in the use-case's transaction (with publishTicketActivity after
 * the commit) and add its entry here; the names of teammates whose ids are in its data are
 * in `event.people`.
 */
export const activityLines: Record<string, (event: TicketActivityView, who: string) => string | null> = {
  "status.changed": (event, who) => {
    const to = event.data.to as TicketStatus;
    if (event.data.reason === "customer_wrote") return "Reopened: the customer wrote again";
    if (event.data.reason === "snooze_ended") return "Opened again: the snooze ended";
    if (to === "snoozed" && typeof event.data.snoozedUntil === "string") {
      return `${who} snoozed this until ${formatWhen(event.data.snoozedUntil)}`;
    }
    if (to === "closed") return `${who} closed this`;
    if (to === "resolved") return `${who} resolved this`;
    if (to === "open") return `${who} reopened this`;
    if (to === "pending") return `${who} set this to pending`;
    return `${who} set the status to ${statusLabels[to] ?? String(to)}`;
  },
  "assignee.changed": (event, who) => {
    const from = personName(event, event.data.from);
    const to = personName(event, event.data.to);
    const because = event.data.reason === "deactivated" && from ? ` (${from} was deactivated)` : "";
    if (!to) return from ? `${who} unassigned ${from}${because}` : `${who} unassigned this`;
    if (event.actor?.type === "user" && event.data.to === event.actor.id) return `${who} assigned this to themselves${because}`;
    return `${who} assigned this to ${to}${because}`;
  },
  "priority.changed": (event, who) => `${who} set the priority to ${String(event.data.to)}`,
  "team.changed": (event, who) => {
    const to = typeof event.data.toName === "string" ? event.data.toName : null;
    return to ? `${who} moved this to the team ${to}` : `${who} took this out of its team`;
  },
  "tags.changed": (event, who) => {
    const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
    const added = list(event.data.added);
    const removed = list(event.data.removed);
    const parts = [
      added.length ? `tagged this ${added.join(", ")}` : null,
      removed.length ? `removed the tag${removed.length > 1 ? "s" : ""} ${removed.join(", ")}` : null,
    ].filter(Boolean);
    return parts.length ? `${who} ${parts.join(" and ")}` : null;
  },
};

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
}

/** The line for one change, or null when the conversation shows none for it. */
export function describeActivity(event: TicketActivityView): string | null {
  const line = activityLines[event.type];
  return line ? line(event, actorName(event)) : null;
}

function actorName(event: TicketActivityView): string {
  if (!event.actor) return "Touchbase";
  return event.actor.type === "api_key" ? `API key “${event.actor.name}”` : event.actor.name;
}

function personName(event: TicketActivityView, id: unknown): string | null {
  if (typeof id !== "string") return null;
  return event.people[id] ?? "a former teammate";
}
