import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { errorResponse, validationFailed } from "./api-errors";
import { authenticateRequest } from "./authenticate-request";
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

/**
 * Wraps a public API handler: authenticates the bearer key before reading anything else,
 * then validates the route params (a bad one is a 404: the resource cannot exist), the
 * query string and the JSON body, calls the handler and maps whatever it throws to the
 * JSON error shape.
 */
export function apiRoute<S extends Schemas>(schemas: S, handler: (input: ApiRequest<S>) => Promise<Response>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      const actor = await authenticateRequest(request);
      const params = schemas.params ? parseParams(schemas.params, (await context?.params) ?? {}) : undefined;
      const query = schemas.query
        ? parse(schemas.query, Object.fromEntries(new URL(request.url).searchParams), "The query string is not valid")
        : undefined;
      const body = schemas.body ? parse(schemas.body, await readJsonBody(request), "The request body is not valid") : undefined;
      // Each field was parsed by the schema of the same name just above.
      return await handler({ actor, request, body, query, params } as ApiRequest<S>);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

function parse(schema: z.ZodType, value: unknown, message: string): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(result.error, message);
  return result.data;
}

function parseParams(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("not_found", result.error.issues[0]?.message ?? "Not found");
  return result.data;
}
