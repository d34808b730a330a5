import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { updatePhoneChannel } from "@/lib/channels/phone/update-phone-channel";
import { updatePhoneChannelInput } from "@/lib/channels/phone/phone-channel.validation";

export const dynamic = "force-dynamic";

const channelParams = z.object({ id: z.uuid({ error: "Channel not found" }) });

// How a phone channel answers calls; other kinds have nothing to change here yet.
export const PATCH = apiRoute({ params: channelParams, body: updatePhoneChannelInput }, async ({ actor, params, body }) =>
  Response.json(await updatePhoneChannel(actor, params.id, body)),
);
