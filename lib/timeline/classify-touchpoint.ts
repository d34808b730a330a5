import type { TouchpointFamily } from "./timeline-constants";

// Pure: which family a Segment call belongs to and the one line the timeline shows for
// it. Event names follow Segment's specs (e-commerce, email, video); anything else is a
// custom event summarised from its properties. Everything here is plain text: the
// timeline renders it as text, so HTML in a property is shown, never run.

export type TouchpointInput = {
  /** Segment's call type: a track carries an event name, page and screen a name. */
  call: "track" | "page" | "screen";
  /** The event name of a track call; the page or screen name otherwise. */
  name?: string | null;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
};

export type Classified = { family: TouchpointFamily; type: string; title: string };

export const maxTitleLength = 200;

export function classifyTouchpoint(input: TouchpointInput): Classified {
  const properties = input.properties ?? {};
  const context = input.context ?? {};
  if (input.call === "page" || input.call === "screen") {
    return { family: "website_visit", type: input.call, title: clip(visitTitle(input.call, input.name, properties, context)) };
  }
  const event = (input.name ?? "").trim() || "Event";
  const family = familyOf(event, properties);
  return { family, type: event, title: clip(summaries[family](event, properties, context)) };
}

const orderEvent = /^(order|orders|checkout|cart|product|products|payment|coupon|wishlist)\b/i;
const shipmentEvent = /\b(shipment|shipped|shipping|delivery|delivered|delayed|dispatched|out for delivery|in transit|tracking)\b/i;
const emailEvents = /^(email (delivered|opened|link clicked|bounced|marked as spam|sent)|unsubscribed)$/i;
const storeEvent = /\b(store visit(ed)?|visited store|in[- ]store|store check[- ]?in|checked in)\b/i;
const adEvent = /\b(ad|ads|advert|advertisement|promotion)\b/i;
const socialEvent = /\b(social|mention(ed)?|tweet(ed)?|post(ed)?|comment(ed)?|shared)\b/i;
const surveyEvent = /\b(survey|nps|csat|feedback|poll)\b/i;

function familyOf(event: string, properties: Record<string, unknown>): TouchpointFamily {
  if (/^product reviewed$/i.test(event) || /\breview(ed)?\b/i.test(event)) return "review";
  if (emailEvents.test(event)) return "marketing_email";
  if (surveyEvent.test(event)) return "survey";
  if (/^(product|cart) shared$/i.test(event)) return "social";
  if (/^promotion (viewed|clicked)$/i.test(event) || adEvent.test(event)) return "ad";
  if (storeEvent.test(event)) return "store_visit";
  if (orderEvent.test(event) || (shipmentEvent.test(event) && "order_id" in properties)) return "order";
  if (shipmentEvent.test(event) && /\b(order|package|parcel|shipment)\b/i.test(event)) return "order";
  if (socialEvent.test(event)) return "social";
  return "custom";
}

type Summary = (event: string, p: Record<string, unknown>, context: Record<string, unknown>) => string;

const summaries: Record<TouchpointFamily, Summary> = {
  order: (event, p) => {
    const order = text(p.order_id) ?? text(p.checkout_id);
    const amount = money(p.total ?? p.revenue ?? p.value ?? p.price, p.currency);
    const product = text(p.name) ?? text(p.product_name);
    const what = /^order\s+(.*)$/i.exec(event);
    if (what && order) return join(`Order #${order} ${what[1]!.toLowerCase()}`, amount);
    if (shipmentEvent.test(event) && order) return join(`Order #${order}: ${event.toLowerCase()}`, text(p.carrier));
    if (/^product added$/i.test(event) && product) return join(`Added ${product} to cart`, amount);
    if (/^product viewed$/i.test(event) && product) return join(`Viewed ${product}`, amount);
    if (/^checkout started$/i.test(event)) return join("Started checkout", amount);
    return join(event, order ? `#${order}` : product, amount);
  },
  website_visit: (event) => event,
  marketing_email: (event, p) => {
    const subject = quoted(p.email_subject ?? p.subject) ?? text(p.campaign_name) ?? "an email";
    switch (event.toLowerCase()) {
      case "email opened":
        return `Opened ${subject}`;
      case "email link clicked":
        return join(`Clicked a link in ${subject}`, text(p.link_url));
      case "email delivered":
        return `Was sent ${subject}`;
      case "email bounced":
        return `${capitalise(subject)} bounced`;
      case "email marked as spam":
        return `Marked ${subject} as spam`;
      case "unsubscribed":
        return join("Unsubscribed", text(p.list_name) ?? text(p.campaign_name));
      default:
        return join(event, subject);
    }
  },
  review: (_event, p) => {
    const product = text(p.product_name) ?? text(p.name) ?? text(p.product_id);
    const rating = number(p.rating);
    return join(product ? `Reviewed ${product}` : "Left a review", rating === null ? null : stars(rating), quoted(p.review_body));
  },
  social: (event, p) => {
    const network = text(p.network) ?? text(p.platform) ?? text(p.source);
    return join(network ? `${event} on ${network}` : event, quoted(p.text ?? p.body ?? p.message));
  },
  store_visit: (event, p) => {
    const store = text(p.store_name) ?? text(p.store) ?? text(p.location);
    return store ? `Visited ${store}` : event;
  },
  ad: (event, p, context) => {
    const campaign = record(context.campaign);
    const name = text(p.campaign_name) ?? text(p.name) ?? text(campaign.name);
    const via = [text(campaign.source), text(campaign.medium)].filter(Boolean).join(" / ");
    return join(event, name, via || null);
  },
  survey: (event, p) => {
    const score = number(p.score ?? p.rating ?? p.nps ?? p.csat ?? p.value);
    const kind = /nps/i.test(event) || "nps" in p ? "NPS" : /csat/i.test(event) || "csat" in p ? "CSAT" : null;
    if (kind === "NPS" && score !== null) return join(`NPS ${score} (${npsGroup(score)})`, quoted(p.comment));
    if (kind === "CSAT" && score !== null) return join(`CSAT ${score}`, quoted(p.comment));
    return join(event, score === null ? text(p.survey_name) : `score ${score}`, quoted(p.comment));
  },
  custom: (event, p) => {
    const shown = Object.entries(p)
      .filter(([, value]) => text(value) !== null)
      .slice(0, 3)
      .map(([key, value]) => `${key}: ${text(value)}`);
    return join(event, ...shown);
  },
};

function visitTitle(
  call: "page" | "screen",
  name: string | null | undefined,
  p: Record<string, unknown>,
  context: Record<string, unknown>,
): string {
  const page = record(context.page);
  const path = text(p.path) ?? text(page.path) ?? pathOf(text(p.url) ?? text(page.url));
  const title = text(name) ?? text(p.title) ?? text(page.title);
  const campaign = record(context.campaign);
  const via = text(campaign.name) ? `via ${text(campaign.name)}` : null;
  if (call === "screen") return join(`Viewed screen ${title ?? "(unnamed)"}`, via);
  return join(`Visited ${path ?? title ?? "a page"}`, path && title ? quoted(title) : null, via);
}

function pathOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function npsGroup(score: number): string {
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

function stars(rating: number): string {
  const whole = Math.max(0, Math.min(5, Math.round(rating)));
  return `${"★".repeat(whole)}${"☆".repeat(5 - whole)} ${rating}/5`;
}

function money(amount: unknown, currency: unknown): string | null {
  const value = number(amount);
  if (value === null) return null;
  const code = typeof currency === "string" && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : null;
  if (!code) return String(value);
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: code }).format(value);
  } catch {
    return `${value} ${code}`;
  }
}

function number(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** A scalar as one line of text; objects and arrays are not summarised. */
function text(value: unknown): string | null {
  if (typeof value === "string") {
    const line = value.replace(/\s+/g, " ").trim();
    return line === "" ? null : line;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return null;
}

function quoted(value: unknown): string | null {
  const line = text(value);
  return line === null ? null : `“${line.length > 80 ? `${line.slice(0, 79)}…` : line}”`;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function join(...parts: (string | null | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(" · ");
}

function clip(title: string): string {
  return title.length > maxTitleLength ? `${title.slice(0, maxTitleLength - 1)}…` : title;
}
