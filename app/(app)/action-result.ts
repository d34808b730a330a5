// What every server action of our pages returns: data, or a message safe to show inline,
// with per-field messages when the refusal was about particular inputs.
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };
