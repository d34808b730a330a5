import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { chosenPassword } from "./password.validation";

const refusal = (password: string) => {
  const result = chosenPassword.safeParse(password);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("chosenPassword", () => {
  it("refuses passwords whose shape alone gives them away", () => {
    expect(refusal("aaaaaaaa")).toMatch(/more different characters/);
    expect(refusal("abababababab")).toMatch(/more different characters/);
    expect(refusal("12345678")).toMatch(/run of characters/);
    expect(refusal("HGFEDCBA")).toMatch(/run of characters/);
  });

  it("accepts a long enough password with some variety", () => {
    expect(refusal("my own password")).toBeNull();
    expect(refusal("tr0mb0ne-51x")).toBeNull();
  });
});

describe("isCommonPassword", () => {
  it("knows the commonest passwords whatever their case, and not someone's own", () => {
    expect(isCommonPassword("password1")).toBe(true);
    expect(isCommonPassword("Iloveyou1")).toBe(true);
    expect(isCommonPassword("qwertyuiop")).toBe(true);
    expect(isCommonPassword("my own password")).toBe(false);
  });
});
