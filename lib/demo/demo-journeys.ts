import type { TouchpointInput } from "@/lib/timeline/classify-touchpoint";

// What the demo customers did before and around their tickets, so that a newcomer opening
// Maria's ticket sees at once why the timeline matters: her order, the delay email she
// opened, her visit to the returns page, then her message. Times are minutes before the
// demo was loaded; the ticket messages in demo-data.ts use the same clock.

type Step = TouchpointInput & { minutesAgo: number };

const day = 24 * 60;
const order = (id: string, total: number, products: string, minutesAgo: number): Step => ({
  call: "track",
  name: "Order Completed",
  properties: { order_id: id, total, currency: "USD", products },
  minutesAgo,
});
const visit = (path: string, title: string, minutesAgo: number, campaign?: string): Step => ({
  call: "page",
  name: title,
  properties: { path, title },
  context: campaign ? { campaign: { name: campaign, source: "newsletter", medium: "email" } } : {},
  minutesAgo,
});
const email = (event: string, subject: string, minutesAgo: number): Step => ({
  call: "track",
  name: event,
  properties: { email_subject: subject, campaign_name: subject },
  minutesAgo,
});

export const demoJourneys: Record<string, Step[]> = {
  "maria.lopez": [
    visit("/", "Home", 9 * day, "Spring sale"),
    visit("/products/trail-runner-2", "Trail Runner 2", 9 * day - 6),
    order("1042", 129, "Trail Runner 2 (size 39)", 9 * day - 14),
    email("Email Delivered", "Your order #1042 is confirmed", 9 * day - 13),
    { call: "track", name: "Order Shipped", properties: { order_id: "1042", carrier: "UPS" }, minutesAgo: 7 * day },
    { call: "track", name: "Shipment Delayed", properties: { order_id: "1042", carrier: "UPS", reason: "held at Oakland hub" }, minutesAgo: 2 * day },
    email("Email Opened", "Your order #1042 is running late", 2 * day - 30),
    visit("/orders/1042/tracking", "Track your order", 3 * 60),
    visit("/returns", "Returns and refunds", 2 * 60),
  ],
  "jon.baker": [
    visit("/products/road-runner", "Road Runner running shoes", 3 * 60),
    order("1077", 89.5, "Road Runner (size 42)", 2 * 60),
    email("Email Opened", "Your order #1077 is confirmed", 90),
    visit("/help/sizing", "Size guide", 20),
  ],
  "liam.oconnor": [
    { call: "track", name: "Order Completed", properties: { order_id: "T-311", total: 480, currency: "EUR", products: "Team plan, 12 seats" }, minutesAgo: 35 * day },
    { call: "track", name: "Payment Failed", properties: { order_id: "T-311", reason: "charged twice" }, minutesAgo: day },
    visit("/account/billing", "Billing", 60),
  ],
  "aiko.tanaka": [
    order("1019", 74, "Arc desk lamp", 6 * day),
    { call: "track", name: "Order Delivered", properties: { order_id: "1019", carrier: "DHL" }, minutesAgo: 2 * day },
    { call: "track", name: "Product Reviewed", properties: { product_name: "Arc desk lamp", rating: 1, review_body: "Arrived with a cracked base." }, minutesAgo: 27 * 60 },
    { call: "track", name: "Order Refunded", properties: { order_id: "1019", total: 74, currency: "USD" }, minutesAgo: 25 * 60 - 5 },
    { call: "track", name: "CSAT Survey Answered", properties: { csat: 5, comment: "Quick and kind, thank you!" }, minutesAgo: 20 * 60 },
  ],
  "fatima.khan": [
    { call: "track", name: "Ad Clicked", properties: { campaign_name: "Office furniture for teams" }, context: { campaign: { name: "Office furniture for teams", source: "linkedin", medium: "cpc" } }, minutesAgo: 8 * 60 },
    visit("/business", "Touchbase Furniture for business", 8 * 60 - 1),
    visit("/products/ergo-chair", "Ergo chair", 7 * 60),
  ],
  "noah.schmidt": [
    order("0988", 249, "PowerPack battery bank", 300 * day),
    { call: "track", name: "Store Visited", properties: { store_name: "Berlin Mitte store" }, minutesAgo: 3 * day },
    { call: "track", name: "NPS Survey Answered", properties: { nps: 9, comment: "Great phone support." }, minutesAgo: 46 * 60 },
  ],
  "chloe.martin": [
    email("Email Opened", "Welcome! Here is 10% off", 40 * day),
    { call: "track", name: "Coupon Denied", properties: { coupon_id: "WELCOME10", reason: "expired" }, minutesAgo: 30 * 60 + 2 },
    order("1060", 58.5, "Linen throw", 30 * 60 - 8),
    { call: "track", name: "Posted on Instagram", properties: { network: "Instagram", text: "Love my new throw from @touchbase 🧡" }, minutesAgo: 5 * day - 30 * 60 },
  ],
  "omar.haddad": [
    order("1003", 210, "Waxed jacket", 20 * day),
    { call: "track", name: "Store Visited", properties: { store_name: "Dubai Mall store", note: "returned the waxed jacket" }, minutesAgo: 7 * day },
    { call: "track", name: "Order Refunded", properties: { order_id: "1003", total: 210, currency: "USD", method: "store credit" }, minutesAgo: 7 * day - 10 },
    visit("/account/credit", "Store credit", 4 * 60),
  ],
  "grace.kim": [
    email("Email Delivered", "This week at Touchbase", 8 * day),
    email("Email Delivered", "This week at Touchbase", day),
    email("Unsubscribed", "This week at Touchbase", 30),
  ],
  "sofia.rossi": [
    visit("/", "Home", 3 * day, "Spring sale"),
    order("1081", 42, "Ceramic mug set", 3 * day - 12),
    { call: "track", name: "Product Reviewed", properties: { product_name: "Ceramic mug set", rating: 5, review_body: "Beautiful glaze." }, minutesAgo: day },
  ],
};
