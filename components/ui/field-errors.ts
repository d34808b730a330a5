import type { z } from "zod";

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/**
 * The first problem with each top-level field, for showing under that field; a field of a
 * nested object is also named with a dot (`imap.host`), as the server reports it.
 */
export function fieldErrorsOf<T>(error: z.ZodError<T>): FieldErrors<T> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    errors[String(issue.path[0])] ??= issue.message;
    if (typeof issue.path[1] === "string") errors[`${String(issue.path[0])}.${issue.path[1]}`] ??= issue.message;
  }
  return errors as FieldErrors<T>;
}
