import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, fieldConflict } from "@/lib/errors";
import { runAction } from "./run-action";

describe("runAction", () => {
  it("passes a refusal about a field on as that field's error", async () => {
    expect(await runAction(() => Promise.reject(fieldConflict("email", "Already used")))).toEqual({
      ok: false,
      error: "Already used",
      fieldErrors: { email: "Already used" },
    });
  });

  it("gives each invalid input its first message", async () => {
    const schema = z.object({ name: z.string().min(1, "Name is required"), email: z.email("Bad email") });
    const result = await runAction(async () => schema.parse({ name: "", email: "nope" }));
    expect(result).toEqual({
      ok: false,
      error: "Name is required",
      fieldErrors: { name: "Name is required", email: "Bad email" },
    });
  });

  it("keeps other refusals to a message, and hides internal failures", async () => {
    expect(await runAction(() => Promise.reject(new AppError("conflict", "Already done", { hint: "reload" })))).toEqual({
      ok: false,
      error: "Already done",
    });
    const failed = await runAction(() => Promise.reject(new Error("connection refused at 10.0.0.3 (expected in this test)")));
    expect(failed).toEqual({ ok: false, error: "Something went wrong. Please try again." });
  });
});
