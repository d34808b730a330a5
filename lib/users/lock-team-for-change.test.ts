import { describe, expect, it } from "vitest";
import { leavesNoActiveAdmin } from "./lock-team-for-change";

describe("leavesNoActiveAdmin", () => {
  const admin = { id: "a", role: "admin", active: true } as const;

  it("is true only when the last active admin stops being one", () => {
    expect(leavesNoActiveAdmin(["a"], admin, { role: "agent", active: true })).toBe(true);
    expect(leavesNoActiveAdmin(["a"], admin, { role: "admin", active: false })).toBe(true);
    expect(leavesNoActiveAdmin(["a"], admin, { role: "admin", active: true })).toBe(false);
    expect(leavesNoActiveAdmin(["a", "b"], admin, { role: "staff", active: false })).toBe(false);
  });

  it("ignores changes to anyone who is not an active admin", () => {
    expect(leavesNoActiveAdmin(["a"], { id: "b", role: "agent", active: true }, { role: "staff", active: false })).toBe(false);
    expect(leavesNoActiveAdmin(["a"], { id: "c", role: "admin", active: false }, { role: "agent", active: false })).toBe(false);
  });
});
