import { z } from "zod";
import { findNulByte, nulByteMessage, text as nulFreeText } from "@/lib/validation/text";

// Segment's HTTP Tracking API calls (identify, track, page, screen, group, alias), as
// Segment's own libraries send them. Client-safe: plain zod.

/** Segment's limits: 32 KB for one call, 500 KB for a batch. */
export const maxCallBytes = 32 * 1024;
export const maxBatchBytes = 500 * 1024;
/** Properties, traits and context nest no deeper than this. */
export const maxNesting = 10;

// Ids may be numbers in Segment's libraries; they are stored as text.
const id = z
  .union([z.string(), z.number().finite()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "must not be empty").max(500));

const date = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 date")
  .transform((value) => new Date(value));

/** A JSON object whose strings hold no NUL (PostgreSQL cannot store it) and that is not nested too deep. */
const jsonObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const nul = findNulByte(value);
  if (nul !== null) ctx.addIssue({ code: "custom", message: nulByteMessage, path: nul.split(".") });
  const deep = tooDeep(value, 1);
  if (deep) ctx.addIssue({ code: "custom", message: `nests deeper than ${maxNesting} levels`, path: deep });
});

function tooDeep(value: unknown, depth: number, path: string[] = []): string[] | null {
  if (value === null || typeof value !== "object") return null;
  if (depth > maxNesting) return path;
  for (const [key, child] of Object.entries(value)) {
    const found = tooDeep(child, depth + 1, [...path, key]);
    if (found) return found;
  }
  return null;
}

const text = (max: number) => nulFreeText().max(max);

const common = {
  userId: id.optional().nullable(),
  anonymousId: id.optional().nullable(),
  messageId: text(200).optional().nullable(),
  timestamp: date.optional().nullable(),
  originalTimestamp: date.optional().nullable(),
  sentAt: date.optional().nullable(),
  context: jsonObject.optional().nullable(),
  integrations: z.record(z.string(), z.unknown()).optional().nullable(),
};

const hasIdentity = (call: { userId?: string | null; anonymousId?: string | null }) =>
  Boolean(call.userId || call.anonymousId);

const identityRequired = { message: "userId or anonymousId is required", path: ["userId"] };

export const identifyCall = z
  .object({ ...common, type: z.literal("identify"), traits: jsonObject.optional().nullable() })
  .refine(hasIdentity, identityRequired);
export const trackCall = z
  .object({
    ...common,
    type: z.literal("track"),
    event: text(200).refine((value) => value.trim() !== "", "must not be empty"),
    properties: jsonObject.optional().nullable(),
  })
  .refine(hasIdentity, identityRequired);
/** page and screen calls differ only in their type. */
const viewCall = <T extends "page" | "screen">(type: T) =>
  z
    .object({
      ...common,
      type: z.literal(type),
      name: text(500).optional().nullable(),
      category: text(200).optional().nullable(),
      properties: jsonObject.optional().nullable(),
    })
    .refine(hasIdentity, identityRequired);
export const pageCall = viewCall("page");
export const screenCall = viewCall("screen");
export const groupCall = z
  .object({ ...common, type: z.literal("group"), groupId: id, traits: jsonObject.optional().nullable() })
  .refine(hasIdentity, identityRequired);
export const aliasCall = z
  .object({ ...common, type: z.literal("alias"), previousId: id })
  .refine(hasIdentity, identityRequired);

export const callTypes = ["identify", "track", "page", "screen", "group", "alias"] as const;
export type CallType = (typeof callTypes)[number];

export const callSchemas = {
  identify: identifyCall,
  track: trackCall,
  page: pageCall,
  screen: screenCall,
  group: groupCall,
  alias: aliasCall,
} as const;

export type SegmentCall =
  | z.output<typeof identifyCall>
  | z.output<typeof trackCall>
  | z.output<typeof pageCall>
  | z.output<typeof screenCall>
  | z.output<typeof groupCall>
  | z.output<typeof aliasCall>;

/** The body of POST /batch: items are checked one by one, so that good ones are kept. */
export const batchEnvelope = z.object({
  batch: z.array(z.unknown()).min(1, "must hold at least one call").max(10_000),
  sentAt: date.optional().nullable(),
  context: jsonObject.optional().nullable(),
  integrations: z.record(z.string(), z.unknown()).optional().nullable(),
});
