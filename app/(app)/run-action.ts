import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
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
    if (error instanceof AppError) return { ok: false, error: error.message };
    if (error instanceof ZodError) return { ok: false, error: error.issues[0]?.message ?? "Invalid input" };
    logger.error("server action failed", { error });
    return { ok: false, error: "Something went wrong. Please try again." };
  }
}
