import { apiRoute } from "@/lib/api/api-route";
import { encodeTicketCursor } from "@/lib/api/ticket-cursor";
import { listTicketsApiQuery } from "@/lib/api/tickets-api-schemas";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { createTicket } from "@/lib/tickets/create-ticket";
import { listTicketSummaries } from "@/lib/tickets/ticket-queries";
import { createTicketInput } from "@/lib/tickets/ticket.validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ query: listTicketsApiQuery }, async ({ actor, query }) => {
  if (!canWorkTickets(actor)) throw forbidden();
  const page = await listTicketSummaries(db(), {
    status: query.status,
    priority: query.priority,
    channel: query.channel,
    teamId: query.team,
    assigneeId: query.assignee,
    tag: query.tag,
    customerId: query.customer,
    q: query.q,
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
  });
  return Response.json({ data: page.tickets, nextCursor: page.nextCursor && encodeTicketCursor(page.nextCursor) });
});

export const POST = apiRoute({ body: createTicketInput }, async ({ actor, body }) =>
  Response.json(await createTicket(actor, body), { status: 201 }),
);
