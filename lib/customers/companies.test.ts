import { describe, expect, it } from "vitest";
import { companyDomainOf, companyNameFromDomain } from "./companies";

describe("companies from email domains", () => {
  it.each([
    ["maria@acme.com", "acme.com"],
    ["Maria@Mail.ACME.co.uk", "mail.acme.co.uk"],
    ["x@www.initech.io", "initech.io"],
    ["someone@gmail.com", null],
    ["someone@outlook.com", null],
    ["not-an-address", null],
    ["a@localhost", null],
  ])("%s → %s", (email, domain) => {
    expect(companyDomainOf(email)).toBe(domain);
  });

  it("names a company after its domain until told better", () => {
    expect(companyNameFromDomain("acme-tools.co.uk")).toBe("Acme-tools");
  });
});
