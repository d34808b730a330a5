import { describe, expect, it } from "vitest";
import { decodeTicketCursor, encodeTicketCursor } from "./ticket-cursor";

const cursor = { lastMessageAt: "2026-11-23T12:29:49.123456Z", id: "0b6f9a52-5d55-4f4e-9a4a-3f3c2b1e0d9c" };

describe("ticket cursor", () => {
  it("round-trips through an opaque URL-safe token", () => {
    const token = encodeTicketCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain(cursor.id);
    expect(decodeTicketCursor(token)).toEqual(cursor);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "%%%"],
    ["base64 of non-JSON", Buffer.from("hello").toString("base64url")],
    ["JSON of another shape", Buffer.from(JSON.stringify({ a: 1 })).toString("base64url")],
    ["a bad date", Buffer.from(JSON.stringify({ ...cursor, lastMessageAt: "yesterday" })).toString("base64url")],
    ["a bad id", Buffer.from(JSON.stringify({ ...cursor, id: "1 or 1=1" })).toString("base64url")],
    ["extra keys", Buffer.from(JSON.stringify({ ...cursor, x: 1 })).toString("base64url")],
    ["too long", "A".repeat(1000)],
  ])("rejects %s", (_label, token) => {
    expect(decodeTicketCursor(token)).toBeNull();
  });
});
