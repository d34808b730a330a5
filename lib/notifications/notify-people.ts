import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { Transaction } from "@/lib/db/client";
import { notifications, tickets, users, type NotificationKind } from "@/lib/db/schema";
import { appUrl } from "@/lib/env";
import { queueStaffEmail } from "@/lib/mail/queue-staff-email";
import { toSingleLine } from "@/lib/validation/text";

export type NotificationRequest = {
  userId: string;
  kind: NotificationKind;
  ticketId: string;
  /** The note that mentions them. */
  messageId?: string;
  /** The note's text, quoted in the mail. */
  excerpt?: string;
};

// A bulk assignment of many tickets to one person is one mail listing the first few.
const ticketsListedInOneMail = 10;

/**
 * Tells people a colleague needs them, inside the caller's transaction: an entry under
 * their bell and/or a mail with a link to the ticket, as each person chose under Your
 * account. Nobody is told about what they did themselves, and a deactivated person is
 * never told anything. Answers the ids of the bell entries, to publish after commit.
 */
export async function notifyPeople(tx: Transaction, actor: Actor, requests: NotificationRequest[]): Promise<string[]> {
  const actorUserId = actor.type === "user" ? actor.id : null;
  const wanted = requests.filter((request) => request.userId !== actorUserId);
  if (wanted.length === 0) return [];

  const recipients = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      mentionsInApp: users.notifyMentionsInApp,
      mentionsByEmail: users.notifyMentionsByEmail,
      assignmentsInApp: users.notifyAssignmentsInApp,
      assignmentsByEmail: users.notifyAssignmentsByEmail,
    })
    .from(users)
    .where(and(inArray(users.id, [...new Set(wanted.map((request) => request.userId))]), eq(users.active, true)));
  const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
  const inApp = (request: NotificationRequest) => {
    const person = byId.get(request.userId);
    return person ? (request.kind === "mention" ? person.mentionsInApp : person.assignmentsInApp) : false;
  };
  const byEmail = (request: NotificationRequest) => {
    const person = byId.get(request.userId);
    return person ? (request.kind === "mention" ? person.mentionsByEmail : person.assignmentsByEmail) : false;
  };

  const bell = wanted.filter(inApp);
  const created =
    bell.length === 0
      ? []
      : await tx
          .insert(notifications)
          .values(bell.map(({ userId, kind, ticketId, messageId }) => ({ userId, kind, ticketId, messageId: messageId ?? null, actorUserId })))
          .returning({ id: notifications.id });

  const mailed = wanted.filter(byEmail);
  if (mailed.length > 0) await mailPeople(tx, actor, mailed, byId);
  return created.map((row) => row.id);
}

async function mailPeople(
  tx: Transaction,
  actor: Actor,
  requests: NotificationRequest[],
  people: Map<string, { name: string; email: string }>,
) {
  const ticketRows = await tx
    .select({ id: tickets.id, number: tickets.number, subject: tickets.subject })
    .from(tickets)
    .where(inArray(tickets.id, [...new Set(requests.map((request) => request.ticketId))]));
  const ticketsById = new Map(ticketRows.map((ticket) => [ticket.id, ticket]));
  const who = actor.type === "user" ? actor.name : "An integration";
  const origin = appUrl();
  const link = (ticketId: string) => `${origin}/tickets/${ticketId}`;
  const footer = ["", "--", `Choose which notifications you get, in the app and by mail: ${origin}/account`];

  const groups = new Map<string, NotificationRequest[]>();
  for (const request of requests) {
    const key = `${request.userId}:${request.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), request]);
  }
  for (const group of groups.values()) {
    const person = people.get(group[0]!.userId)!;
    for (const mail of composeMails(group, person.name, who, (id) => ticketsById.get(id), link)) {
      await queueStaffEmail(tx, { to: person.email, subject: mail.subject, bodyText: [...mail.body, ...footer].join("\n") });
    }
  }
}

type TicketRef = { id: string; number: number; subject: string };

function composeMails(
  group: NotificationRequest[],
  name: string,
  who: string,
  ticketOf: (id: string) => TicketRef | undefined,
  link: (ticketId: string) => string,
): { subject: string; body: string[] }[] {
  const title = (ticket: TicketRef) => `#${ticket.number} ${toSingleLine(ticket.subject)}`;
  if (group[0]!.kind === "mention") {
    return group.flatMap((request) => {
      const ticket = ticketOf(request.ticketId);
      if (!ticket) return [];
      const quote = (request.excerpt ?? "").slice(0, 1000).split("\n").map((line) => `> ${line}`);
      return [
        {
          subject: `${who} mentioned you on ${title(ticket)}`,
          body: [`Hi ${name},`, "", `${who} mentioned you in an internal note on ${title(ticket)}:`, "", ...quote, "", `Open the ticket: ${link(ticket.id)}`],
        },
      ];
    });
  }
  const assigned = group.map((request) => ticketOf(request.ticketId)).filter((ticket): ticket is TicketRef => Boolean(ticket));
  if (assigned.length === 0) return [];
  if (assigned.length === 1) {
    const ticket = assigned[0]!;
    return [
      {
        subject: `${who} assigned ${title(ticket)} to you`,
        body: [`Hi ${name},`, "", `${who} assigned ${title(ticket)} to you.`, "", `Open the ticket: ${link(ticket.id)}`],
      },
    ];
  }
  const listed = assigned.slice(0, ticketsListedInOneMail).map((ticket) => `- ${title(ticket)}: ${link(ticket.id)}`);
  const more = assigned.length - listed.length;
  return [
    {
      subject: `${who} assigned ${assigned.length} tickets to you`,
      body: [`Hi ${name},`, "", `${who} assigned ${assigned.length} tickets to you:`, "", ...listed, ...(more > 0 ? [`…and ${more} more.`] : [])],
    },
  ];
}
