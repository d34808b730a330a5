import { describe, expect, it } from "vitest";
import { classifyTouchpoint, maxTitleLength, type TouchpointInput } from "./classify-touchpoint";

const track = (name: string, properties: Record<string, unknown> = {}, context: Record<string, unknown> = {}): TouchpointInput => ({
  call: "track",
  name,
  properties,
  context,
});

describe("classifyTouchpoint", () => {
  it.each<[string, TouchpointInput, string, string]>([
    ["an order", track("Order Completed", { order_id: "1042", total: 59.9, currency: "usd" }), "order", "Order #1042 completed · $59.90"],
    ["a refund", track("Order Refunded", { order_id: "1042" }), "order", "Order #1042 refunded"],
    ["a cancellation", track("Order Cancelled", { order_id: "9" }), "order", "Order #9 cancelled"],
    ["a delay", track("Shipment Delayed", { order_id: "1042", carrier: "DHL" }), "order", "Order #1042: shipment delayed · DHL"],
    ["a cart", track("Product Added", { name: "Red shoes", price: 20 }), "order", "Added Red shoes to cart · 20"],
    ["a page view", { call: "page", name: "Returns", properties: { path: "/returns" } }, "website_visit", "Visited /returns · “Returns”"],
    ["a page view from context", { call: "page", context: { page: { url: "https://shop.test/faq?x=1" } } }, "website_visit", "Visited /faq"],
    ["a screen", { call: "screen", name: "Checkout" }, "website_visit", "Viewed screen Checkout"],
    ["an opened email", track("Email Opened", { email_subject: "Your order is delayed" }), "marketing_email", "Opened “Your order is delayed”"],
    ["a clicked email", track("Email Link Clicked", { email_subject: "Sale", link_url: "https://shop.test/sale" }), "marketing_email", "Clicked a link in “Sale” · https://shop.test/sale"],
    ["a bounce", track("Email Bounced", { email_subject: "Hello" }), "marketing_email", "“Hello” bounced"],
    ["an unsubscribe", track("Unsubscribed", { list_name: "Newsletter" }), "marketing_email", "Unsubscribed · Newsletter"],
    ["a review", track("Product Reviewed", { product_name: "Kettle", rating: 4, review_body: "Boils fast" }), "review", "Reviewed Kettle · ★★★★☆ 4/5 · “Boils fast”"],
    ["a mention", track("Social Mention", { network: "Mastodon", text: "love it" }), "social", "Social Mention on Mastodon · “love it”"],
    ["a store visit", track("Store Visited", { store_name: "Berlin Mitte" }), "store_visit", "Visited Berlin Mitte"],
    ["an ad click", track("Ad Clicked", {}, { campaign: { name: "Spring", source: "google", medium: "cpc" } }), "ad", "Ad Clicked · Spring · google / cpc"],
    ["an NPS answer", track("Survey Answered", { nps: 9, comment: "great" }), "survey", "NPS 9 (promoter) · “great”"],
    ["a CSAT answer", track("CSAT Submitted", { score: 2 }), "survey", "CSAT 2"],
    ["a custom event", track("Trial Extended", { days: 14, plan: "pro", nested: { a: 1 } }), "custom", "Trial Extended · days: 14 · plan: pro"],
  ])("recognises %s", (_label, input, family, title) => {
    expect(classifyTouchpoint(input)).toMatchObject({ family, title });
  });

  it("keeps the event name as the type and HTML as plain text", () => {
    const result = classifyTouchpoint(track("<img src=x onerror=alert(1)>", { note: "<script>x</script>" }));
    expect(result.type).toBe("<img src=x onerror=alert(1)>");
    expect(result.family).toBe("custom");
    expect(result.title).toContain("<script>x</script>");
  });

  it("keeps the summary to one short line", () => {
    const result = classifyTouchpoint(track("Note", { text: `a\n\n${"b".repeat(500)}` }));
    expect(result.title.length).toBeLessThanOrEqual(maxTitleLength);
    expect(result.title).not.toContain("\n");
  });

  it("names an event without a name", () => {
    expect(classifyTouchpoint(track("  "))).toMatchObject({ family: "custom", type: "Event", title: "Event" });
  });
});
