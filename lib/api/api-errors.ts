import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** A zod failure as the API reports it: one entry per field, dotted path and message. */
export function validationFailed(error: z.ZodError, message = "The request is not valid"): AppError {
  const details: FieldError[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return new AppError("validation_failed", message, details);
}

/**
 * The JSON error body for anything a route threw. AppErrors are refusals made on purpose
 * and say why; anything else is our failure (a database down, a bug): logged in full,
 * answered with a generic 500 so no internal detail leaks.
 */
export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof AppError) {
    const body = {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
    if (error.code === "busy") {
      logger.warn("api request refused: busy", { method: request.method, url: request.url, message: error.message });
      return Response.json({ error: body }, { status: error.status, headers: { "retry-after": "1" } });
    }
    if (error.status >= 500) logger.error("api request failed", { method: request.method, url: request.url, error });
    return Response.json({ error: body }, { status: error.status });
  }
  logger.error("api request failed", { method: request.method, url: request.url, error });
  return Response.json(
    { error: { code: "internal_error", message: "Something went wrong on our side; try again later" } },
    { status: 500 },
  );
}
