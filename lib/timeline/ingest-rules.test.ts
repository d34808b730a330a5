import { describe, expect, it } from "vitest";
import { identityKeysOf, occurredAt } from "./ingest-segment-calls";

const receivedAt = new Date("2026-01-01T12:00:00.000Z");

describe("Segment's timestamp rules", () => {
  it("corrects the sender's clock by how long the call took to arrive", () => {
    const call = { timestamp: new Date("2026-01-01T13:00:00.000Z"), sentAt: new Date("2026-01-01T13:00:05.000Z") };
    expect(occurredAt(call, { receivedAt }).toISOString()).toBe("2026-01-01T11:59:55.000Z");
  });

  it("uses the batch's sentAt when the call has none", () => {
    const call = { timestamp: new Date("2026-01-01T10:00:00.000Z") };
    expect(occurredAt(call, { receivedAt, sentAt: new Date("2026-01-01T10:00:01.000Z") }).toISOString()).toBe("2026-01-01T11:59:59.000Z");
  });

  it("keeps a timestamp without sentAt (historic imports), and takes receivedAt without either", () => {
    expect(occurredAt({ timestamp: new Date("2019-05-01T00:00:00.000Z") }, { receivedAt }).toISOString()).toBe("2019-05-01T00:00:00.000Z");
    expect(occurredAt({}, { receivedAt })).toEqual(receivedAt);
  });
});

describe("identities of a call", () => {
  it("links userId, anonymousId, and an identify's email and phone", () => {
    expect(
      identityKeysOf({ type: "identify", userId: "42", anonymousId: "a-1", traits: { email: " Maria@Acme.COM ", phone: "+1 (555) 010-0000" } }),
    ).toEqual([
      { kind: "external_id", value: "42" },
      { kind: "anonymous_id", value: "a-1" },
      { kind: "email", value: "maria@acme.com" },
      { kind: "phone", value: "+15550100000" },
    ]);
  });

  it("ignores an email that is not one, and traits on other calls", () => {
    expect(identityKeysOf({ type: "identify", userId: "42", traits: { email: "nope" } })).toEqual([{ kind: "external_id", value: "42" }]);
    expect(identityKeysOf({ type: "track", anonymousId: "a", event: "X", properties: { email: "x@y.z" } })).toEqual([{ kind: "anonymous_id", value: "a" }]);
  });
});
