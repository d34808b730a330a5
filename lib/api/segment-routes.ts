import type { z } from "zod";
import { canIngestEvents } from "@/lib/auth/permissions";
import { AppError, forbidden, type FieldError } from "@/lib/errors";
import { ingestSegmentCalls } from "@/lib/timeline/ingest-segment-calls";
import {
  batchEnvelope,
  callSchemas,
  maxBatchBytes,
  maxCallBytes,
  type CallType,
  type SegmentCall,
} from "@/lib/timeline/segment-call.validation";
import { validationFailed } from "./api-errors";
import { apiRoute } from "./api-route";
import { readJsonBody } from "./read-json-body";

// Segment's HTTP Tracking API (POST /identify, /track, /page, /screen, /group, /alias,
// /batch): what Segment answers is what a Segment library expects back, `{success: true}`.

const tooLarge = (what: string, limit: number) =>
  new AppError("bad_request", `${what} is larger than Segment's limit of ${limit / 1024} KB (${limit} bytes)`, [
    { path: "", message: `larger than ${limit} bytes` },
  ]);

// A call's messageId is Segment's idempotency key; an Idempotency-Key header adds nothing.
const segmentOptions = { idempotent: false };

async function readBody(request: Request, limit: number, what: string): Promise<unknown> {
  try {
    return await readJsonBody(request, limit);
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") throw tooLarge(what, limit);
    throw error;
  }
}

function parseCall(schema: z.ZodType<SegmentCall>, value: unknown): { call: SegmentCall } | { errors: FieldError[] } {
  const result = schema.safeParse(value);
  if (result.success) return { call: result.data };
  return { errors: validationFailed(result.error).details as FieldError[] };
}

/** POST /api/v1/<type>: one call; its type comes from the path. */
export function segmentCallRoute(type: CallType) {
  return apiRoute({}, async ({ actor, request }) => {
    if (!canIngestEvents(actor)) throw forbidden("Send events with an API key");
    const receivedAt = new Date();
    const body = await readBody(request, maxCallBytes, "The call");
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw new AppError("validation_failed", "The request body must be a JSON object", [{ path: "", message: "must be an object" }]);
    }
    const given = (body as { type?: unknown }).type;
    if (given !== undefined && given !== type) {
      throw new AppError("validation_failed", `This endpoint takes ${type} calls`, [{ path: "type", message: `must be "${type}"` }]);
    }
    const parsed = parseCall(callSchemas[type] as z.ZodType<SegmentCall>, { ...body, type });
    if ("errors" in parsed) throw new AppError("validation_failed", `The ${type} call is not valid`, parsed.errors);
    await ingestSegmentCalls(actor, [parsed.call], { receivedAt });
    return Response.json({ success: true });
  }, segmentOptions);
}

type Rejected = { index: number; messageId: string | null; errors: FieldError[] };

/**
 * POST /api/v1/batch: each call is checked on its own; the good ones are stored together
 * and the bad ones reported by index, as Segment does (it answers 200 when any was good).
 */
export const segmentBatchRoute = apiRoute({}, async ({ actor, request }) => {
  if (!canIngestEvents(actor)) throw forbidden("Send events with an API key");
  const receivedAt = new Date();
  const envelope = batchEnvelope.safeParse(await readBody(request, maxBatchBytes, "The batch"));
  if (!envelope.success) throw validationFailed(envelope.error, "The batch is not valid");

  const calls: SegmentCall[] = [];
  const rejected: Rejected[] = [];
  envelope.data.batch.forEach((item, index) => {
    const messageId = typeof (item as { messageId?: unknown })?.messageId === "string" ? (item as { messageId: string }).messageId : null;
    const reject = (errors: FieldError[]) => rejected.push({ index, messageId, errors });
    const type = (item as { type?: unknown })?.type;
    if (typeof type !== "string" || !(type in callSchemas)) {
      return reject([{ path: "type", message: `must be one of ${Object.keys(callSchemas).join(", ")}` }]);
    }
    if (Buffer.byteLength(JSON.stringify(item)) > maxCallBytes) {
      return reject([{ path: "", message: `larger than Segment's limit of ${maxCallBytes} bytes for one call` }]);
    }
    const parsed = parseCall(callSchemas[type as CallType] as z.ZodType<SegmentCall>, item);
    if ("errors" in parsed) return reject(parsed.errors);
    calls.push(parsed.call);
  });
  if (calls.length === 0) throw new AppError("validation_failed", "No call in the batch is valid", rejected);

  await ingestSegmentCalls(actor, calls, {
    receivedAt,
    sentAt: envelope.data.sentAt ?? null,
    context: envelope.data.context ?? null,
  });
  return Response.json(rejected.length > 0 ? { success: true, rejected } : { success: true });
}, segmentOptions);
