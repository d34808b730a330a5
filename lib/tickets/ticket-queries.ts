import { microsecondIso } from "@/lib/db/keyset";
import { and, arrayContains, asc, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/lib/db/client";
import { attachments, customers, mentions, messages, teams, tickets, users, type ChannelKind, type TicketStatus } from "@/lib/db/schema";
import type { TicketPriority } from "./ticket-constants";
import type { TicketSort } from "./ticket-filter";
import type { AttachmentView, MessageView, TicketMatch, TicketSummary, TicketWithMessages } from "./ticket-views";

// Data access only: callers pass their scope; nothing here reads a session.

const assignees = alias(users, "assignee");
const authors = alias(users, "author");
const authorCustomers = alias(customers, "author_customer");

// What a summary shows, and no more: the whole row would also carry the search vector,
// which every list would fetch and parse for nothing.
const summaryTicketColumns = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  priority: tickets.priority,
  channel: tickets.channel,
  channelId: tickets.channelId,
  tags: tickets.tags,
  snoozedUntil: tickets.snoozedUntil,
  lastMessageAt: tickets.lastMessageAt,
  lastMessagePreview: tickets.lastMessagePreview,
  lastMessageSeq: tickets.lastMessageSeq,
  firstResponseAt: tickets.firstResponseAt,
  resolvedAt: tickets.resolvedAt,
  call: tickets.call,
  callBackRequestedAt: tickets.callBackRequestedAt,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  version: tickets.version,
};

const summaryColumns = {
  ticket: summaryTicketColumns,
  customer: { id: customers.id, name: customers.name, email: customers.email },
  assignee: { id: assignees.id, name: assignees.name, email: assignees.email },
  team: { id: teams.id, name: teams.name },
};

type SummaryRow = {
  ticket: Pick<typeof tickets.$inferSelect, keyof typeof summaryTicketColumns>;
  customer: { id: string; name: string | null; email: string | null };
  assignee: { id: string; name: string; email: string } | null;
  team: { id: string; name: string } | null;
};

function selectSummaries(q: Queryable) {
  return q
    .select(summaryColumns)
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId));
}

function toSummary({ ticket, customer, assignee, team }: SummaryRow): TicketSummary {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    channelId: ticket.channelId,
    tags: ticket.tags,
    customer,
    assignee,
    team,
    snoozedUntil: ticket.snoozedUntil?.toISOString() ?? null,
    lastMessageAt: ticket.lastMessageAt.toISOString(),
    lastMessagePreview: ticket.lastMessagePreview,
    lastMessageSeq: ticket.lastMessageSeq,
    firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null,
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    call: ticket.call,
    callBackRequestedAt: ticket.callBackRequestedAt?.toISOString() ?? null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    version: ticket.version,
  };
}

export async function findTicketSummary(q: Queryable, ticketId: string): Promise<TicketSummary | null> {
  const [row] = await selectSummaries(q).where(eq(tickets.id, ticketId)).limit(1);
  return row ? toSummary(row) : null;
}

export type TicketListFilter = {
  status?: TicketStatus;
  priority?: TicketPriority;
  channel?: ChannelKind;
  /** A team id, or "none" for tickets of no team. */
  teamId?: string;
  tag?: string;
  /** A user id, or "none" for unassigned tickets. */
  assigneeId?: string;
  /** Only tickets whose caller waits for a call back. */
  callBack?: boolean;
  /** One customer's tickets (their page lists them). */
  customerId?: string;
  /** Only tickets with a note that mentions this person (their Mentions view). */
  mentionedUserId?: string;
  /** Full-text search text (websearch syntax, as people type it); never parsed as SQL. */
  q?: string;
  /** Newest activity first (the default), or the longest-untouched first. */
  sort?: TicketSort;
  cursor?: TicketCursor;
  limit: number;
};

/**
 * Position after the last ticket of a page: newest activity first, id breaks ties.
 * `lastMessageAt` keeps PostgreSQL's microseconds: a millisecond ISO string would skip
 * tickets whose activity falls within the same millisecond as the page's last one.
 */
export type TicketCursor = { lastMessageAt: string; id: string };

const cursorTimestamp = microsecondIso(tickets.lastMessageAt);

export async function listTicketSummaries(
  q: Queryable,
  filter: TicketListFilter,
): Promise<{ tickets: TicketSummary[]; nextCursor: TicketCursor | null }> {
  const conditions = ticketConditions(filter);
  const oldestFirst = filter.sort === "oldest_activity";
  if (filter.cursor) {
    const at = sql`${filter.cursor.lastMessageAt}::timestamptz`;
    // A row comparison lets PostgreSQL start the index scan at the cursor instead of
    // filtering every row before it.
    conditions.push(
      oldestFirst
        ? sql`(${tickets.lastMessageAt}, ${tickets.id}) > (${at}, ${filter.cursor.id}::uuid)`
        : sql`(${tickets.lastMessageAt}, ${tickets.id}) < (${at}, ${filter.cursor.id}::uuid)`,
    );
  }
  const rows = await q
    .select({ ...summaryColumns, cursorAt: cursorTimestamp })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .where(and(...conditions))
    // Oldest first is the same index read backwards (ascending, nulls last).
    .orderBy(...(oldestFirst ? [asc(tickets.lastMessageAt), asc(tickets.id)] : [desc(tickets.lastMessageAt), desc(tickets.id)]))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filter.limit && last ? { lastMessageAt: last.cursorAt, id: last.ticket.id } : null;
  const summaries = page.map(toSummary);
  if (filter.q && summaries.length > 0) {
    const matches = await searchMatches(q, filter.q, summaries.map((ticket) => ticket.id));
    for (const ticket of summaries) ticket.match = matches.get(ticket.id) ?? null;
  }
  return { tickets: summaries, nextCursor };
}

const searchQuery = (text: string) => sql`websearch_to_tsquery('english', ${text})`;

// ts_headline marks matches with these private-use characters (taken out of the text
// first), and the page turns them into <mark> elements around React text: the text itself
// is never HTML.
export const matchStart = "\uE000";
export const matchEnd = "\uE001";
const unmarked = (text: SQL) => sql`translate(${text}, ${matchStart + matchEnd}, '')`;
const headlineOptions = `StartSel=${matchStart}, StopSel=${matchEnd}, MaxWords=24, MinWords=10, MaxFragments=1, HighlightAll=false`;

/**
 * Where each ticket of a page of search results matched: its subject with the matches
 * marked, and an excerpt of its latest message that matches (among its last 200).
 */
async function searchMatches(q: Queryable, text: string, ticketIds: string[]): Promise<Map<string, TicketMatch>> {
  const rows = await q
    .select({
      id: tickets.id,
      subject: sql<string | null>`case when to_tsvector('english', ${tickets.subject}) @@ ${searchQuery(text)}
        then ts_headline('english', ${unmarked(sql`${tickets.subject}`)}, ${searchQuery(text)}, ${"HighlightAll=true, StartSel=" + matchStart + ", StopSel=" + matchEnd}) end`,
      excerpt: sql<string | null>`(
        select ts_headline('english', ${unmarked(sql`recent.body_text`)}, ${searchQuery(text)}, ${headlineOptions})
        from (select body_text from messages where messages.ticket_id = tickets.id order by seq desc limit 200) recent
        where to_tsvector('english', recent.body_text) @@ ${searchQuery(text)}
        limit 1)`,
    })
    .from(tickets)
    .where(inArray(tickets.id, ticketIds));
  return new Map(rows.map((row) => [row.id, { subject: row.subject, excerpt: row.excerpt }]));
}

/** The WHERE conditions of a filter; every value is a bound parameter. */
export function ticketConditions(filter: Omit<TicketListFilter, "limit" | "cursor" | "sort">): SQL[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(tickets.status, filter.status));
  if (filter.priority) conditions.push(eq(tickets.priority, filter.priority));
  if (filter.channel) conditions.push(eq(tickets.channel, filter.channel));
  if (filter.teamId === "none") conditions.push(isNull(tickets.teamId));
  else if (filter.teamId) conditions.push(eq(tickets.teamId, filter.teamId));
  if (filter.tag) conditions.push(arrayContains(tickets.tags, [filter.tag]));
  if (filter.assigneeId === "none") conditions.push(isNull(tickets.assigneeId));
  else if (filter.assigneeId) conditions.push(eq(tickets.assigneeId, filter.assigneeId));
  if (filter.callBack) conditions.push(isNotNull(tickets.callBackRequestedAt));
  if (filter.customerId) conditions.push(eq(tickets.customerId, filter.customerId));
  if (filter.mentionedUserId) {
    conditions.push(sql`${tickets.id} in (select ${mentions.ticketId} from ${mentions} where ${mentions.userId} = ${filter.mentionedUserId})`);
  }
  if (filter.q) conditions.push(sql`${tickets.searchVector} @@ ${searchQuery(filter.q)}`);
  return conditions;
}

const messageColumns = {
  message: messages,
  authorUser: { id: authors.id, name: authors.name, email: authors.email },
  authorCustomer: { id: authorCustomers.id, name: authorCustomers.name, email: authorCustomers.email },
};

export async function listMessages(q: Queryable, ticketId: string, afterSeq = 0): Promise<MessageView[]> {
  const rows = await q
    .select(messageColumns)
    .from(messages)
    .leftJoin(authors, eq(authors.id, messages.authorUserId))
    .leftJoin(authorCustomers, eq(authorCustomers.id, messages.authorCustomerId))
    .where(and(eq(messages.ticketId, ticketId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq));
  const files = await attachmentsOf(q, rows.map((row) => row.message.id));
  return rows.map((row) => toMessageView(row, files));
}

export async function findMessageView(q: Queryable, messageId: string): Promise<MessageView | null> {
  const [row] = await q
    .select(messageColumns)
    .from(messages)
    .leftJoin(authors, eq(authors.id, messages.authorUserId))
    .leftJoin(authorCustomers, eq(authorCustomers.id, messages.authorCustomerId))
    .where(eq(messages.id, messageId))
    .limit(1);
  return row ? toMessageView(row, await attachmentsOf(q, [row.message.id])) : null;
}

/**
 * A message with its ticket, as the events after a write carry them: one statement, so
 * that a busy chat pays one round trip for what it tells everyone.
 */
export async function findMessageWithTicket(q: Queryable, messageId: string): Promise<{ ticket: TicketSummary; message: MessageView } | null> {
  const [row] = await q
    .select({ ...summaryColumns, ...messageColumns, files: attachmentsJson })
    .from(messages)
    .innerJoin(tickets, eq(tickets.id, messages.ticketId))
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .leftJoin(authors, eq(authors.id, messages.authorUserId))
    .leftJoin(authorCustomers, eq(authorCustomers.id, messages.authorCustomerId))
    .where(eq(messages.id, messageId))
    .limit(1);
  if (!row) return null;
  return { ticket: toSummary(row), message: toMessageView(row, new Map([[row.message.id, row.files]])) };
}

const attachmentsJson = sql<AttachmentView[]>`coalesce((
  select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'contentType', a.content_type, 'size', a.size,
    'inline', a.inline, 'contentId', a.content_id) order by a.created_at, a.id)
  from ${attachments} a where a.message_id = ${messages.id}), '[]'::json)`;

async function attachmentsOf(q: Queryable, messageIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const byMessage = new Map<string, AttachmentView[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await q
    .select({
      messageId: attachments.messageId,
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      size: attachments.size,
      inline: attachments.inline,
      contentId: attachments.contentId,
    })
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  for (const { messageId, ...file } of rows) byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), file]);
  return byMessage;
}

function toMessageView(
  row: {
    message: typeof messages.$inferSelect;
    authorUser: { id: string; name: string; email: string } | null;
    authorCustomer: { id: string; name: string | null; email: string | null } | null;
  },
  files: Map<string, AttachmentView[]>,
): MessageView {
  const author = row.authorUser
    ? { type: "user" as const, ...row.authorUser }
    : row.authorCustomer
      ? { type: "customer" as const, ...row.authorCustomer }
      : null;
  return messageViewOf(row.message, author, files.get(row.message.id) ?? []);
}

/** A message row as the API and the sockets show it, when its author is already known. */
export function messageViewOf(
  message: typeof messages.$inferSelect,
  author: MessageView["author"],
  attachments: AttachmentView[] = [],
): MessageView {
  return {
    id: message.id,
    ticketId: message.ticketId,
    seq: message.seq,
    direction: message.direction,
    kind: message.kind,
    internal: message.kind === "note",
    author,
    bodyText: message.bodyText,
    bodyHtml: message.bodyHtml,
    clientMessageId: message.clientMessageId,
    deliveryState: message.deliveryState,
    deliveryError: message.deliveryError,
    attachments,
    createdAt: message.createdAt.toISOString(),
  };
}

export async function findTicketWithMessages(q: Queryable, ticketId: string): Promise<TicketWithMessages | null> {
  const summary = await findTicketSummary(q, ticketId);
  if (!summary) return null;
  return { ...summary, messages: await listMessages(q, ticketId) };
}
