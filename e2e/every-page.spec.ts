import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { db } from "@/lib/db/client";
import { createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { recordTouchpoints } from "@/lib/timeline/record-touchpoints";
import type { UserRole } from "@/lib/users/user-roles";
import { expect, test } from "./fixtures";
import { checkPage, viewports, type ViewportName } from "./support/page-checks";
import type { TouchbaseApi } from "./support/touchbase-api";

// Every page of the app, at a laptop's and a phone's size, through checkPage(): its own
// controls shown, no control hidden, clipped, zero-sized or covered, no sideways scroll,
// no serious or critical axe-core violation. A new page joins with one entry below.

type CheckedPage = {
  /** Signs in as a new member with this role first; "nobody" stays signed out. */
  as: UserRole | "nobody";
  /** Where the page is; a function makes the data the page shows first. */
  path: string | ((api: TouchbaseApi) => Promise<string>);
  /** What shows that the page has loaded. */
  ready: (page: Page) => Locator;
  /** What a person does first to reach what mustShow lists, e.g. unfold a panel that a phone keeps folded. */
  open?: (page: Page) => Promise<void>;
  /** The controls the page exists for, which must show at every size. */
  mustShow?: (page: Page) => Locator[];
};

// axe-core reads the whole page: Settings in a test database that every test adds
// teammates to is long, and on a loaded two-core machine its check alone takes ~40 s.
test.describe.configure({ timeout: 180_000 });

const pages: Record<string, CheckedPage> = {
  "sign-in": {
    as: "nobody",
    // With nobody to sign in, /login sends the first visitor to /setup instead.
    path: async () => {
      await createTestUser();
      return "/login";
    },
    ready: (page) => page.getByRole("button", { name: "Sign in", exact: true }),
    mustShow: (page) => [
      page.getByLabel("Email"),
      page.getByLabel("Password"),
      page.getByRole("button", { name: "Sign in with Acme" }),
      page.getByRole("link", { name: "Forgot password?" }),
    ],
  },
  "forgot password": {
    as: "nobody",
    path: "/forgot-password",
    ready: (page) => page.getByRole("heading", { name: "Forgot your password?" }),
    mustShow: (page) => [page.getByLabel("Email"), page.getByRole("button", { name: "Send me a reset link" })],
  },
  "reset password": {
    as: "nobody",
    path: "/reset-password?token=an-example-token-from-a-reset-mail",
    ready: (page) => page.getByRole("heading", { name: "Choose a new password" }),
    mustShow: (page) => [page.getByLabel("New password", { exact: true }), page.getByRole("button", { name: "Set new password" })],
  },
  inbox: {
    as: "agent",
    path: async (api) => {
      await api.createTicket({ subject: "Parcel arrived damaged", customerEmail: uniqueEmail("customer"), body: "The box was crushed." });
      return "/inbox";
    },
    ready: (page) => page.getByRole("heading", { name: "Inbox", level: 1 }),
    // A phone keeps the views folded above the list.
    open: async (page) => {
      const unfold = page.getByRole("button", { name: "Views" });
      if (await unfold.isVisible()) await unfold.click();
    },
    mustShow: (page) => [
      page.getByRole("searchbox", { name: "Search tickets" }),
      page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Resolved" }),
      page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /^Unassigned/ }),
      page.getByRole("link", { name: /Parcel arrived damaged/ }).first(),
    ],
  },
  "ticket with the customer's journey": {
    as: "staff",
    path: async (api) => {
      const ticket = await api.createTicket({
        subject: "Where is my order?",
        customerEmail: uniqueEmail("customer"),
        customerName: "Maria Lopez",
        body: "It was due on Monday.",
      });
      const before = (minutes: number) => new Date(Date.parse(ticket.createdAt) - minutes * 60_000);
      await db().transaction((tx) =>
        recordTouchpoints(tx, [
          { customerId: ticket.customer.id, call: "track", name: "Order Completed", properties: { order_id: "1042", total: 59.9, currency: "EUR" }, source: "e2e", occurredAt: before(3 * 24 * 60) },
          { customerId: ticket.customer.id, call: "page", name: "Returns", properties: { path: "/returns" }, source: "e2e", occurredAt: before(30) },
        ]),
      );
      return `/tickets/${ticket.id}`;
    },
    ready: (page) => page.getByRole("list", { name: "Conversation" }),
    // A phone keeps the customer folded away above the conversation.
    open: async (page) => {
      const unfold = page.getByRole("button", { name: "Show customer and details" });
      if (await unfold.isVisible()) await unfold.click();
    },
    mustShow: (page) => [
      page.getByRole("region", { name: "Customer" }).getByRole("link", { name: "Maria Lopez" }),
      page.getByRole("list", { name: "Recent journey" }).getByRole("listitem").first(),
      page.getByRole("link", { name: "Full timeline →" }),
      page.getByRole("textbox", { name: "Message" }),
    ],
  },
  ticket: {
    as: "agent",
    path: async (api) => {
      const ticket = await api.createTicket({
        subject: "Refund for order 1042",
        customerEmail: uniqueEmail("customer"),
        body: "I returned the shoes two weeks ago and have not had my refund.",
      });
      await api.addMessage(ticket.id, { kind: "note", body: "Warehouse confirms the return arrived on the 3rd." });
      await api.addMessage(ticket.id, { kind: "reply", body: "Sorry for the wait: the refund is on its way today." });
      return `/tickets/${ticket.id}`;
    },
    ready: (page) => page.getByRole("list", { name: "Conversation" }),
    mustShow: (page) => [
      page.getByRole("combobox", { name: "Status" }),
      page.getByRole("combobox", { name: "Assignee" }),
      page.getByRole("tab", { name: "Reply" }),
      page.getByRole("tab", { name: "Internal note" }),
      page.getByRole("textbox", { name: "Message" }),
      page.getByRole("button", { name: "Send reply" }),
    ],
  },
  customer: {
    as: "staff",
    path: async (api) => {
      const ticket = await api.createTicket({
        subject: "Order 1042 is late",
        customerEmail: uniqueEmail("customer"),
        body: "The tracking has not moved since Monday.",
      });
      return `/customers/${ticket.customer.id}`;
    },
    ready: (page) => page.getByRole("list", { name: "Timeline entries" }),
    mustShow: (page) => [
      page.getByRole("combobox", { name: "Show" }),
      page.getByRole("list", { name: "Identities" }),
      page.getByRole("link", { name: /Order 1042 is late/ }).first(),
    ],
  },
  "customer not found": {
    as: "staff",
    path: `/customers/${randomUUID()}`,
    ready: (page) => page.getByRole("heading", { name: "Customer not found" }),
    mustShow: (page) => [page.getByRole("link", { name: "Back to the inbox" })],
  },
  "ticket not found": {
    as: "agent",
    path: `/tickets/${randomUUID()}`,
    ready: (page) => page.getByRole("heading", { name: "Ticket not found" }),
    mustShow: (page) => [page.getByRole("link", { name: "Back to the inbox" })],
  },
  "page not found": {
    as: "agent",
    path: "/no-such-page",
    ready: (page) => page.getByRole("heading", { name: "Page not found" }),
    mustShow: (page) => [page.getByRole("link", { name: "Back to the inbox" })],
  },
  settings: {
    as: "admin",
    path: async (api) => {
      // A reply puts a row in the outbox; the api fixture's own key is in the key list.
      const ticket = await api.createTicket({ subject: "Outbox sample", customerEmail: uniqueEmail("customer"), body: "Hello" });
      await api.addMessage(ticket.id, { kind: "reply", body: "Hello back" });
      return "/settings";
    },
    ready: (page) => page.getByRole("heading", { name: "Settings", level: 1 }),
    mustShow: (page) => [
      page.getByRole("form", { name: "Add teammate" }).getByRole("button", { name: "Add teammate" }),
      page.getByRole("table", { name: "Team" }).getByRole("combobox").first(),
      page.getByRole("table", { name: "API keys" }).getByRole("button", { name: /^Revoke/ }).first(),
      page.getByRole("table", { name: "Outbox" }).getByRole("link").first(),
    ],
  },
  "settings for a non-admin": {
    as: "agent",
    path: "/settings",
    ready: (page) => page.getByRole("heading", { name: "Only admins can change settings" }),
  },
  account: {
    as: "staff",
    path: "/account",
    ready: (page) => page.getByRole("heading", { name: "Your account", level: 1 }),
    mustShow: (page) => [page.getByRole("form", { name: "Change password" }).getByRole("button", { name: "Change password" })],
  },
};

for (const [name, checked] of Object.entries(pages)) {
  for (const size of Object.keys(viewports) as ViewportName[]) {
    test(`${name} at ${size} size`, async ({ signIn, newPage, api }) => {
      // Sign-in, seeding, a look at every control and a full axe-core run: minutes on a loaded machine.
      test.slow();
      const page = checked.as === "nobody" ? await newPage() : (await signIn(checked.as)).page;
      await page.setViewportSize(viewports[size]);
      await page.goto(typeof checked.path === "string" ? checked.path : await checked.path(api));
      await expect(checked.ready(page)).toBeVisible();
      await checked.open?.(page);
      await checkPage(page, { mustShow: checked.mustShow?.(page) });
      // To look at every page yourself: PAGE_SCREENSHOTS=some/folder npm test -- e2e -- e2e/every-page.spec.ts
      if (process.env.PAGE_SCREENSHOTS) {
        await page.screenshot({ path: `${process.env.PAGE_SCREENSHOTS}/${name.replaceAll(" ", "-")}-${size}.png` });
      }
    });
  }
}
