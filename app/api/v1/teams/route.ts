import { apiRoute } from "@/lib/api/api-route";
import { canWorkTickets } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import { listTeams } from "@/lib/teams/list-teams";
import { createTeamInput } from "@/lib/teams/team.validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async ({ actor }) => {
  if (!canWorkTickets(actor)) throw forbidden();
  return Response.json({ data: await listTeams(db()) });
});

export const POST = apiRoute({ body: createTeamInput }, async ({ actor, body }) => {
  const team = await createTeam(actor, body);
  const created = (await listTeams(db())).find((t) => t.id === team.id);
  return Response.json(created, { status: 201 });
});
