import { describe, expect, it } from "vitest";
import { businessHoursAt, businessHoursSchema } from "./business-hours";

const weekdaysNineToFive = businessHoursSchema.parse({
  timeZone: "Europe/Paris",
  days: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, { open: "09:00", close: "17:00" }])),
});

describe("businessHoursAt", () => {
  it("is always open without hours", () => {
    expect(businessHoursAt(null, new Date())).toEqual({ open: true, nextOpenAt: null });
  });

  it("is open within the hours of the business's own time zone", () => {
    // Wednesday 2026-11-25 10:00 in Paris is 09:00 UTC.
    expect(businessHoursAt(weekdaysNineToFive, new Date("2026-11-25T09:00:00Z")).open).toBe(true);
    expect(businessHoursAt(weekdaysNineToFive, new Date("2026-11-25T16:30:00Z")).open).toBe(false);
  });

  it("tells when it opens next: later today, tomorrow, or after the weekend", () => {
    expect(businessHoursAt(weekdaysNineToFive, new Date("2026-11-25T06:00:00Z")).nextOpenAt?.toISOString()).toBe("2026-11-25T08:00:00.000Z");
    expect(businessHoursAt(weekdaysNineToFive, new Date("2026-11-25T17:00:00Z")).nextOpenAt?.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(businessHoursAt(weekdaysNineToFive, new Date("2026-11-27T18:00:00Z")).nextOpenAt?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("follows daylight-saving time", () => {
    // Paris moves to summer time on 2026-03-29: opening on Monday 30 March is 07:00 UTC.
    expect(businessHoursAt(weekdaysNineToFive, new Date("2026-03-28T12:00:00Z")).nextOpenAt?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("refuses an unknown time zone or a day that closes before it opens", () => {
    expect(businessHoursSchema.safeParse({ timeZone: "Mars/Olympus", days: { mon: { open: "09:00", close: "17:00" } } }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ timeZone: "UTC", days: { mon: { open: "17:00", close: "09:00" } } }).success).toBe(false);
  });
});
