import { useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/app/(app)/action-result";
import { fieldErrorsOf, type FieldErrors } from "./field-errors";

/**
 * A form checked in the browser with the same zod schema the server action checks again:
 * field errors under their fields, anything else as one message, and a pending flag.
 */
export function useValidatedForm<Input, Output>(
  schema: z.ZodType<Input>,
  action: (input: Input) => Promise<ActionResult<Output>>,
  /** Awaited while the form stays pending; a throw reads as a connection failure. */
  onSuccess: (data: Output, input: Input, form: HTMLFormElement) => void | Promise<void>,
) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Input>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = schema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      const result = await action(parsed.data);
      if (!result.ok) {
        setFieldErrors((result.fieldErrors ?? {}) as FieldErrors<Input>);
        if (!result.fieldErrors) setError(result.error);
        return;
      }
      form.reset();
      await onSuccess(result.data, parsed.data, form);
    } catch {
      setError("Could not reach Touchbase. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return { submit, fieldErrors, error, pending };
}
