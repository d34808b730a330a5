import { describe, expect, it } from "vitest";
import { classifyTouchpoint } from "@/lib/timeline/classify-touchpoint";
import { demoCustomers } from "./demo-data";
import { demoJourneys } from "./demo-journeys";

describe("the demo customers' journeys", () => {
  it("belong to demo customers and show every family a real shop sends, none as a bare custom event", () => {
    const keys = new Set(demoCustomers.map((customer) => customer.email.split("@")[0]));
    for (const key of Object.keys(demoJourneys)) expect(keys).toContain(key);
    const classified = Object.values(demoJourneys).flat().map((step) => classifyTouchpoint(step));
    expect(new Set(classified.map((item) => item.family))).toEqual(
      new Set(["order", "website_visit", "marketing_email", "review", "social", "store_visit", "ad", "survey"]),
    );
  });

  it("tell Maria's story before her ticket: the order, the delay email she opened, the returns page", () => {
    const titles = demoJourneys["maria.lopez"]!.map((step) => classifyTouchpoint(step).title);
    expect(titles).toEqual(expect.arrayContaining([expect.stringMatching(/^Order #1042 completed/), expect.stringMatching(/^Opened .*running late/), "Visited /returns · “Returns and refunds”"]));
  });
});
