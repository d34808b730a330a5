import { apiRoute } from "@/lib/api/api-route";
import { bulkUpdateBody } from "@/lib/api/tickets-api-schemas";
import { bulkUpdateTickets } from "@/lib/tickets/bulk-update-tickets";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ body: bulkUpdateBody }, async ({ actor, body }) => {
  const { filter } = body;
  const selection = body.ticketIds
    ? { ticketIds: body.ticketIds }
    : {
        filter: {
          status: filter!.status,
          priority: filter!.priority,
          channel: filter!.channel,
          teamId: filter!.team,
          assigneeId: filter!.assignee,
          tag: filter!.tag,
          customerId: filter!.customer,
          q: filter!.q,
        },
      };
  return Response.json(await bulkUpdateTickets(actor, selection, body.change));
});
