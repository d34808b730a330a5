// One error type for everything the app refuses on purpose. `code` is stable and part of
// the public API; `message` is safe to show; anything else thrown is an internal failure.
export const errorCatalogue = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // An update named the version of a ticket it saw, and someone changed the ticket since.
  ticket_changed: 409,
  idempotency_key_in_use: 409,
  payload_too_large: 413,
  idempotency_key_reused: 422,
  client_message_id_reused: 422,
  note_not_deliverable: 422,
  rate_limited: 429,
  internal_error: 500,
  // A service we depend on (Twilio, placing a call) refused or did not answer.
  upstream_failed: 502,
  // Too much at once on one resource (a ticket everyone writes to): retry in a moment.
  busy: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** What `details` holds when a refusal is about particular inputs: a form shows each beside its field. */
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalogue[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You are not allowed to do that") => new AppError("forbidden", message);

/** A refusal about one input, e.g. an email already taken; the message is shown beside that field. */
export const fieldConflict = (path: string, message: string) =>
  new AppError("conflict", message, [{ path, message }] satisfies FieldError[]);

/** Bad input that only the server can tell, e.g. a wrong current password; shown beside that field. */
export const invalidField = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }] satisfies FieldError[]);
