import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { readBodyBytes } from "@/lib/api/read-json-body";
import { maxMessageBytes } from "@/lib/channels/email/email-limits";
import { receiveRawEmail } from "@/lib/channels/email/receive-raw-email";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.uuid({ error: "Channel not found" }) });

// The mail itself is the idempotency key (its Message-ID), so no Idempotency-Key is needed.
export const POST = apiRoute(
  { params },
  async ({ actor, params, request }) => {
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "message/rfc822") {
      throw new AppError("bad_request", "Send the raw message with Content-Type: message/rfc822");
    }
    const raw = await readBodyBytes(request, maxMessageBytes);
    if (raw.byteLength === 0) throw new AppError("bad_request", "The message is empty");
    const result = await receiveRawEmail(actor, params.id, raw);
    return Response.json(
      { id: result.inboundId, status: result.status, ticketId: result.ticketId, duplicate: result.duplicate, reason: result.reason },
      { status: 202 },
    );
  },
  { idempotent: false },
);
