import { ZodError } from "zod";
import { AppError, type FieldError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { ActionResult } from "./action-result";

/**
 * Runs a server action's work and turns refusals into a message for the form. The work
 * must authenticate first; anything that is not an AppError or bad input is logged and
 * shown as a generic failure, so internal details never reach the browser.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) return refusal(error.message, isFieldErrors(error.details) ? error.details : []);
    if (error instanceof ZodError) {
      const fields = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
      return refusal(error.issues[0]?.message ?? "Invalid input", fields);
    }
    logger.error("server action failed", { error });
    return { ok: false, error: "Something went wrong. Please try again." };
  }
}

function refusal(error: string, fields: FieldError[]): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const { path, message } of fields) if (path) fieldErrors[path] ??= message;
  return Object.keys(fieldErrors).length ? { ok: false, error, fieldErrors } : { ok: false, error };
}

function isFieldErrors(details: unknown): details is FieldError[] {
  return (
    Array.isArray(details) &&
    details.every((d) => typeof d?.path === "string" && typeof (d as FieldError).message === "string")
  );
}
