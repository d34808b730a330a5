import { describe, expect, it } from "vitest";
import { uuidV7 } from "./uuid-v7";

describe("uuidV7", () => {
  it("is a version 7, variant 1 UUID that sorts by its time", () => {
    const earlier = uuidV7(1_700_000_000_000);
    const later = uuidV7(1_700_000_000_001);
    expect(earlier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 13)).toBe("018bcfe5-6800");
  });
});
