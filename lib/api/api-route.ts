import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { findNulByte, nulByteMessage } from "@/lib/validation/text";
import { errorResponse, validationFailed } from "./api-errors";
import { authenticateRequest } from "./authenticate-request";
import { idempotencyKeyOf, requestFingerprint, withIdempotency } from "./idempotency";
import { readJsonBody } from "./read-json-body";

type Schemas = { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };

type Parsed<S extends Schemas, K extends keyof Schemas> = S extends { [P in K]: infer T extends z.ZodType }
  ? z.output<T>
  : undefined;

export type ApiRequest<S extends Schemas> = {
  actor: Actor;
  request: Request;
  body: Parsed<S, "body">;
  query: Parsed<S, "query">;
  params: Parsed<S, "params">;
};

/** The second argument Next.js passes a route handler; optional so tests may omit it. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type ApiRouteOptions = {
  /**
   * Honour an `Idempotency-Key` header (lib/api/idempotency.ts). On by default for POST,
   * where every create of the public API lives; off elsewhere.
   */
  idempotent?: boolean;
};

/**
 * Wraps a public API handler: authenticates the bearer key before reading anything else,
 * then validates the route params (a bad one is a 404: the resource cannot exist), the
 * query string and the JSON body, calls the handler — once per Idempotency-Key — and
 * maps whatever it throws to the JSON error shape.
 */
export function apiRoute<S extends Schemas>(
  schemas: S,
  handler: (input: ApiRequest<S>) => Promise<Response>,
  options: ApiRouteOptions = {},
) {
  // An unknown query parameter is a mistake the caller must hear about (`status[]=open`
  // would otherwise return the unfiltered list), so query objects accept no other keys.
  const querySchema = schemas.query instanceof z.ZodObject ? schemas.query.strict() : schemas.query;
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      const actor = await authenticateRequest(request);
      const params = schemas.params ? parseParams(schemas.params, (await context?.params) ?? {}) : undefined;
      const query = querySchema
        ? parse(querySchema, queryObject(new URL(request.url).searchParams), "The query string is not valid")
        : undefined;
      const json = schemas.body ? await readJsonBody(request) : undefined;
      const body = schemas.body ? parse(schemas.body, json, "The request body is not valid") : undefined;
      // Each field was parsed by the schema of the same name just above.
      const run = () => handler({ actor, request, body, query, params } as ApiRequest<S>);

      const key = (options.idempotent ?? request.method === "POST") ? idempotencyKeyOf(request) : null;
      if (key === null) return await run();
      const call = { scope: `${actor.type}:${actor.id}`, key, fingerprint: requestFingerprint(request, json) };
      return await withIdempotency(call, run, (error) => errorResponse(error, request));
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** The query string as an object; a parameter given twice is refused, not silently narrowed to one. */
function queryObject(searchParams: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of searchParams) {
    if (Object.hasOwn(query, key)) {
      throw new AppError("validation_failed", "The query string is not valid", [
        { path: key, message: "Give this parameter once" },
      ]);
    }
    query[key] = value;
  }
  return query;
}

/** Parses with the schema, after refusing NUL bytes anywhere, even in fields it does not declare. */
function parse(schema: z.ZodType, value: unknown, message: string): unknown {
  const nulAt = findNulByte(value);
  if (nulAt !== null) throw new AppError("validation_failed", message, [{ path: nulAt, message: nulByteMessage }]);
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(result.error, message);
  return result.data;
}

function parseParams(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("not_found", result.error.issues[0]?.message ?? "Not found");
  return result.data;
}
