import type { z } from "zod";

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

/** The first problem with each top-level field, for showing under that field. */
export function fieldErrorsOf<T>(error: z.ZodError<T>): FieldErrors<T> {
  const errors: FieldErrors<T> = {};
  for (const issue of error.issues) errors[issue.path[0] as keyof T] ??= issue.message;
  return errors;
}
