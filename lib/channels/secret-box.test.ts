import { describe, expect, it } from "vitest";
import { openSecrets, sealSecrets } from "./secret-box";

describe("secret box", () => {
  it("opens what it sealed, and seals the same value differently each time", () => {
    const value = { twilioAuthToken: "abc123", nested: { n: 1 } };
    const one = sealSecrets(value);
    expect(openSecrets(one)).toEqual(value);
    expect(sealSecrets(value)).not.toBe(one);
    expect(one).not.toContain("abc123");
  });

  it("refuses a tampered or foreign box", () => {
    const [version, iv, tag, data] = sealSecrets({ token: "x" }).split(".");
    const flipped = data!.slice(0, -2) + (data!.endsWith("A") ? "B" : "A") + data!.slice(-1);
    expect(() => openSecrets([version, iv, tag, flipped].join("."))).toThrow();
    expect(() => openSecrets("v0.a.b.c")).toThrow(/unknown format/);
  });
});
