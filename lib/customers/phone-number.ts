// Phone identities are stored in E.164 ("+15555550123") so that a caller's number, a
// number an agent typed and one an integration sent all find the same customer.

const e164 = /^\+[1-9]\d{6,14}$/;

/**
 * The E.164 form of a number written with spaces, dashes, dots or brackets, or with 00
 * for +; null when it is not a full international number (a caller id such as
 * "Anonymous", or a national number whose country we cannot know).
 */
export function normalizePhoneNumber(raw: string): string | null {
  const compact = raw.trim().replace(/[\s\-.()/]/g, "");
  const international = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  return e164.test(international) ? international : null;
}

/** Twilio's stand-ins for a hidden caller id, which are not anyone's number. */
const withheld = new Set(["+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"]);

/** The caller's number when it is one; null for withheld, anonymous or SIP callers. */
export function callerNumber(raw: string | undefined): string | null {
  if (!raw) return null;
  const number = normalizePhoneNumber(raw);
  return number && !withheld.has(number) ? number : null;
}
