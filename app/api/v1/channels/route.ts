import { apiRoute } from "@/lib/api/api-route";
import { canManageWorkspace } from "@/lib/auth/permissions";
import { createChannel } from "@/lib/channels/create-channel";
import { createChannelInput } from "@/lib/channels/channel.validation";
import { presentChannel } from "@/lib/channels/channel-views";
import { listChannels } from "@/lib/channels/list-channels";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async ({ actor }) => {
  if (!canManageWorkspace(actor)) throw forbidden();
  const channels = await listChannels(db());
  return Response.json({ data: channels.map((channel) => presentChannel(channel, { reveal: false })) });
});

export const POST = apiRoute({ body: createChannelInput }, async ({ actor, body }) =>
  Response.json(await createChannel(actor, body), { status: 201 }),
);
