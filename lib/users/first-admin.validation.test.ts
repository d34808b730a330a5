import { describe, expect, it } from "vitest";
import { minPasswordLength as serverMinimum } from "@/lib/auth/password";
import { firstAdminInput } from "./first-admin.validation";
import { minPasswordLength } from "./password.validation";

describe("firstAdminInput", () => {
  it("asks for the same minimum password length as the server", () => {
    expect(minPasswordLength).toBe(serverMinimum);
  });

  it("refuses a short password and accepts a complete admin", () => {
    expect(firstAdminInput.safeParse({ name: "Ada", email: "ada@example.com", password: "short" }).success).toBe(false);
    expect(firstAdminInput.safeParse({ name: "Ada", email: "ada@example.com", password: "long enough" }).success).toBe(true);
  });
});
