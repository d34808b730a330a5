import { z } from "zod";

// Client-safe: the Settings form and the API validate business hours with it.
export const weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time such as 09:00");

export const businessHoursSchema = z.object({
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as Europe/Paris"),
  days: z
    .partialRecord(z.enum(weekdays), z.object({ open: time, close: time }).refine((d) => d.open < d.close, "close must be after open"))
    .refine((days) => Object.keys(days).length > 0, "name at least one open day"),
});

export type BusinessHours = z.infer<typeof businessHoursSchema>;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The wall-clock weekday and minute of the day at `instant` in `timeZone`. */
function localTime(instant: Date, timeZone: string): { day: number; minute: number; date: { y: number; m: number; d: number } } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: weekdays.indexOf(parts.weekday!.toLowerCase() as (typeof weekdays)[number]),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    date: { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day) },
  };
}

/** The instant when the wall clock in `timeZone` shows this date and minute. */
function instantAt(date: { y: number; m: number; d: number }, minute: number, timeZone: string): Date {
  const wanted = Date.UTC(date.y, date.m - 1, date.d, Math.floor(minute / 60), minute % 60);
  let guess = wanted;
  // Two rounds settle the zone's offset, including across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const local = localTime(new Date(guess), timeZone);
    const shown = Date.UTC(local.date.y, local.date.m - 1, local.date.d, Math.floor(local.minute / 60), local.minute % 60);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** Whether the business is open at `now`, and if not, when it next opens. No hours set: always open. */
export function businessHoursAt(hours: BusinessHours | null | undefined, now: Date): { open: boolean; nextOpenAt: Date | null } {
  if (!hours) return { open: true, nextOpenAt: null };
  const local = localTime(now, hours.timeZone);
  const today = hours.days[weekdays[local.day]!];
  if (today && local.minute >= minutes(today.open) && local.minute < minutes(today.close)) return { open: true, nextOpenAt: null };
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = hours.days[weekdays[(local.day + ahead) % 7]!];
    if (!day || (ahead === 0 && local.minute >= minutes(day.open))) continue;
    const base = new Date(Date.UTC(local.date.y, local.date.m - 1, local.date.d + ahead));
    const date = { y: base.getUTCFullYear(), m: base.getUTCMonth() + 1, d: base.getUTCDate() };
    return { open: false, nextOpenAt: instantAt(date, minutes(day.open), hours.timeZone) };
  }
  return { open: false, nextOpenAt: null };
}
