import { writeFile } from "node:fs/promises";
import { createTestUser, uniqueEmail, uniqueSuffix, uniqueWord } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { CustomerPage } from "./pages/customer-page";
import { CustomerSearch } from "./pages/customer-search";
import { TicketPage } from "./pages/ticket-page";
import { testOidcDomain } from "./support/test-oidc-client";

// The whole point of the product, timed: someone from another department who has never
// opened Touchbase signs in with the company account, finds the customer with the search
// shortcut, reads what happened, opens their ticket and answers. Every click or key press
// that does something counts as a step. Seconds are measured, never asserted (no timings in
// tests): the figures go to walkthrough.json in the test's output folder and the log, and
// README states them.

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  // A workspace without anyone in it sends sign-in to the first-admin setup instead.
  await createTestUser({ role: "admin" });
});

test("a new employee signs in through SSO, finds a customer with the search shortcut, reads the timeline and answers their ticket", async ({
  newPage,
  api,
  unique,
}, testInfo) => {
  const surname = uniqueWord("Wyn");
  const name = `Ines ${surname}`;
  const ticket = await api.createTicket({
    subject: unique("Wrong size delivered"),
    customerEmail: uniqueEmail("ines"),
    customerName: name,
    body: "I ordered the boots in 39 and got 41.",
  });
  const email = `courier.dispatch-${uniqueSuffix()}@${testOidcDomain}`;

  const page = await newPage();
  const steps: string[] = [];
  const step = async (what: string, action: () => Promise<unknown>) => {
    steps.push(what);
    await action();
  };
  const started = Date.now();

  await step("open Touchbase", () => page.goto("/login"));
  await step("click Sign in with Acme", () => page.getByRole("button", { name: "Sign in with Acme" }).click());
  await step("type the company login", () => page.getByPlaceholder("Enter any login").fill(email));
  await step("type the company password", () => page.getByPlaceholder("and password").fill("any password"));
  await step("click Sign-in", () => page.getByRole("button", { name: "Sign-in" }).click());
  const consent = page.getByRole("button", { name: "Continue" });
  await expect(consent.or(page.getByRole("main"))).toBeVisible();
  if (await consent.isVisible()) await step("allow Touchbase at the provider", () => consent.click());
  await expect(page).toHaveURL(/\/inbox/);
  // The page is ready for keys once it is live (hydrated and connected).
  await new AppShell(page).waitUntilLive();
  const signedIn = Date.now();

  const search = new CustomerSearch(page);
  // On the inbox "/" searches tickets; Ctrl+K finds a customer from every page.
  await step("press Ctrl+K", () => search.openWithShortcut());
  await step(`type the customer's name`, () => page.keyboard.type(surname));
  await expect(search.result(name)).toHaveAttribute("aria-selected", "true");
  await step("press Enter", () => page.keyboard.press("Enter"));

  const customer = new CustomerPage(page);
  await expect(customer.heading).toHaveText(name);
  // Reading the timeline: what the customer wrote is there without another click.
  await expect(customer.timelineEntry("I ordered the boots in 39 and got 41.")).toBeVisible();
  const found = Date.now();

  await step("open the ticket", () => customer.openTickets.getByRole("link", { name: ticket.subject }).click());
  const ticketPage = new TicketPage(page);
  await ticketPage.expectTicket(ticket.subject);
  const answer = unique("So sorry! A pair in 39 goes out today; keep the 41s");
  await step("type the answer", () => ticketPage.message.fill(answer));
  await step("press Ctrl+Enter", () => ticketPage.message.press("Control+Enter"));
  await expect(ticketPage.conversation.getByRole("article").filter({ hasText: answer })).toBeVisible();
  await expect.poll(async () => (await api.getTicket(ticket.id)).messages.some((m) => m.bodyText === answer && m.kind === "reply")).toBe(true);
  const answered = Date.now();

  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const result = {
    steps: steps.length,
    seconds: seconds(answered - started),
    split: { signIn: seconds(signedIn - started), findAndRead: seconds(found - signedIn), answer: seconds(answered - found) },
    stepList: steps,
  };
  const file = testInfo.outputPath("walkthrough.json");
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`walkthrough: ${result.steps} steps, ${result.seconds} s (${file})`);
});
