import { describe, expect, it } from "vitest";
import { createTicketInput } from "@/lib/tickets/ticket.validation";
import { addTeammateInput } from "@/lib/users/teammate.validation";
import { findNulByte, singleLineText, text } from "./text";

describe("text fields", () => {
  it("refuse a NUL byte in forms' schemas too", () => {
    expect(text().safeParse("a\u0000").success).toBe(false);
    expect(text().safeParse("fine").success).toBe(true);
    const ticket = createTicketInput.safeParse({ subject: "S", customer: { email: "a@b.co" }, message: { body: "x\u0000" } });
    expect(ticket.success).toBe(false);
    expect(addTeammateInput.safeParse({ name: "A\u0000", email: "a@b.co", role: "staff" }).success).toBe(false);
  });

  it("make header-bound fields one line", () => {
    expect(singleLineText().trim().parse(" Hi\r\nBcc: x@y.z\u2028there ")).toBe("Hi Bcc: x@y.z there");
  });

  it("find a NUL byte at any depth, in keys too", () => {
    expect(findNulByte({ a: [{ b: "ok" }, { c: "\u0000" }] })).toBe("a.1.c");
    expect(findNulByte({ "k\u0000": 1 })).toBe("k\u0000");
    expect(findNulByte({ a: 1, b: [true, null, "fine"] })).toBeNull();
  });
});
