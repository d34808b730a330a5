// What every server action of our pages returns: data, or a message safe to show inline.
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string };
