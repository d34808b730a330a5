import { describe, expect, it } from "vitest";
import { csvRowToCall } from "./csv-import-rows";
import { guessCsvMapping } from "./csv-import.validation";

const row = (cells: string[], line = 2) => ({ line, cells });

describe("CSV rows as ingest calls", () => {
  const customerHeaders = ["E-mail", "First name", "Last name", "Plan"];
  const customers = guessCsvMapping("customers", customerHeaders);

  it("makes a customer row an identify call whose other columns are traits", () => {
    expect(csvRowToCall("customers", customerHeaders, customers, row([" Maria@Example.com ", "Maria", "<b>Lopez</b>", "pro"]))).toEqual({
      call: { type: "identify", userId: null, traits: { email: "maria@example.com", name: "Maria <b>Lopez</b>", Plan: "pro" } },
    });
  });

  it("refuses a row that says nothing about who the customer is, or a bad address", () => {
    expect(csvRowToCall("customers", customerHeaders, customers, row(["", "Nobody", "", ""]))).toEqual({ error: expect.stringContaining("No email") });
    expect(csvRowToCall("customers", customerHeaders, customers, row(["maria@", "M", "", ""]))).toEqual({ error: "“maria@” is not an email address" });
  });

  const touchpointHeaders = ["email", "event", "timestamp", "order_id"];
  const touchpoints = guessCsvMapping("touchpoints", touchpointHeaders);

  it("makes a touchpoint row a track call at its own time, with the same messageId every time it is read", () => {
    const cells = ["ana@example.com", "Order Completed", "2024-03-01T10:00:00Z", "1042"];
    const first = csvRowToCall("touchpoints", touchpointHeaders, touchpoints, row(cells));
    expect(first).toMatchObject({
      call: {
        type: "track",
        event: "Order Completed",
        timestamp: new Date("2024-03-01T10:00:00Z"),
        properties: { order_id: "1042" },
        identities: [{ kind: "email", value: "ana@example.com" }],
      },
    });
    expect(csvRowToCall("touchpoints", touchpointHeaders, touchpoints, row(cells, 9))).toEqual(first);
    const other = csvRowToCall("touchpoints", touchpointHeaders, touchpoints, row([...cells.slice(0, 3), "1043"]));
    expect((other as { call: { messageId: string } }).call.messageId).not.toBe((first as { call: { messageId: string } }).call.messageId);
  });

  it("refuses a touchpoint without a readable time or an event", () => {
    expect(csvRowToCall("touchpoints", touchpointHeaders, touchpoints, row(["a@example.com", "Order Completed", "soon", ""]))).toEqual({ error: "“soon” is not a date and time" });
    expect(csvRowToCall("touchpoints", touchpointHeaders, touchpoints, row(["a@example.com", "", "2024-03-01", ""]))).toEqual({ error: "No event name" });
  });
});
