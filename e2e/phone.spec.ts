import { eq } from "drizzle-orm";
import { signedTwilioRequest, type SimulatedWebhook } from "@/lib/channels/phone/twilio-simulator";
import { db } from "@/lib/db/client";
import { channels, phoneCalls } from "@/lib/db/schema";
import { createTestPhoneChannel, simulateCall, uniquePhoneNumber, type TestPhoneChannel } from "@/lib/testing/phone";
import { uniqueEmail } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { TicketPage } from "./pages/ticket-page";
import { checkPage } from "./support/page-checks";
import { guardAgainstReload } from "./support/reload-guard";

// Calls ring in as Twilio sends them: form posts to the running app's webhooks, signed with
// the channel's auth token (X-Twilio-Signature), over real HTTP.

async function twilioSends(channel: TestPhoneChannel, webhook: SimulatedWebhook, authToken = channel.authToken) {
  const { url, init } = signedTwilioRequest(authToken, webhook);
  const response = await fetch(url, init);
  return { status: response.status, twiml: await response.text() };
}

test("a call rings live in the agent's inbox, then is answered, completed and recorded, without a reload", async ({ signIn, baseURL }) => {
  const channel = await createTestPhoneChannel({ agentNumbers: ["+15555550101"], recordCalls: true, origin: baseURL });
  const { page } = await signIn("agent");
  const inbox = new InboxPage(page);
  await inbox.goto();
  const guard = await guardAgainstReload(page);

  const caller = uniquePhoneNumber();
  const call = simulateCall(channel, caller);
  const answer = await twilioSends(channel, call.incoming());
  expect(answer.status).toBe(200);
  expect(answer.twiml).toContain("<Dial ");

  const subject = `Call from ${caller}`;
  const row = inbox.ticket(subject);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Ringing");
  await guard.expectNoReload();

  await inbox.openTicket(subject);
  const ticket = new TicketPage(page);
  await ticket.expectTicket(subject);
  const header = page.locator("header").filter({ has: ticket.heading });
  await expect(header).toContainText("Ringing");
  await expect(ticket.conversation).toContainText(`Incoming call from ${caller}`);
  const onTicket = await guardAgainstReload(page);

  expect((await twilioSends(channel, call.status("in-progress"))).status).toBe(200);
  await expect(header).toContainText("On the line");
  expect((await twilioSends(channel, call.dialEnded("completed", 97))).twiml).toContain("<Hangup/>");
  expect((await twilioSends(channel, call.status("completed", 97))).status).toBe(200);
  await expect(header).toContainText("Answered · 1:37");
  await expect(ticket.conversation).toContainText("Call ended: answered, 1:37");

  expect((await twilioSends(channel, call.recording(97, "DialVerb"))).status).toBe(200);
  await expect(ticket.conversation).toContainText("Call recording (1:37)");
  await expect(ticket.conversation).toContainText(call.recordingUrl);
  await onTicket.expectNoReload();
  await expect(header).not.toContainText("Call back");
});

test("a missed call shows Call back in the inbox; a forged signature is refused and changes nothing", async ({ signIn, baseURL }) => {
  const channel = await createTestPhoneChannel({ agentNumbers: ["+15555550101"], voicemail: false, origin: baseURL });
  const { page } = await signIn("agent");
  const inbox = new InboxPage(page);
  await inbox.goto();

  const caller = uniquePhoneNumber();
  const call = simulateCall(channel, caller);
  await twilioSends(channel, call.incoming());
  const subject = `Call from ${caller}`;
  await expect(inbox.ticket(subject)).toContainText("Ringing");
  const apology = await twilioSends(channel, call.dialEnded("no-answer"));
  expect(apology.twiml).toContain("We will call you back");
  await twilioSends(channel, call.status("completed", 12));
  await expect(inbox.ticket(subject)).toContainText("Call back");
  await expect(inbox.ticket(subject)).toContainText("Missed call");

  const forger = simulateCall(channel, uniquePhoneNumber());
  const forged = await twilioSends(channel, forger.incoming(), "not-the-channel-auth-token");
  expect(forged.status).toBe(403);
  expect(await db().select().from(phoneCalls).where(eq(phoneCalls.callSid, forger.callSid))).toHaveLength(0);
});

test("an agent logs a call by keyboard on a phone-sized screen, and can start one through Twilio; the log shows on the ticket at once", async ({ signIn, api, unique, baseURL }) => {
  // Two page checks (axe-core) with dialogs open, on a machine shared with other work.
  test.setTimeout(180_000);
  // A channel that can place calls, so the ticket offers Call (click-to-call) beside Log a call.
  await createTestPhoneChannel({ agentNumbers: ["+15555550101"], origin: baseURL });
  const { page, user } = await signIn("agent");
  await page.setViewportSize({ width: 390, height: 844 });
  const created = await api.createTicket({ subject: unique("Call me about my refund"), customerEmail: uniqueEmail("caller"), body: "Please call me.", channel: "phone" });
  const ticket = new TicketPage(page);
  await ticket.goto(created.id);

  await page.getByRole("button", { name: "Call", exact: true }).click();
  const callDialog = page.getByRole("dialog", { name: "Call the customer" });
  await expect(callDialog.getByRole("combobox", { name: "Ring me at" })).toBeVisible();
  await checkPage(page);
  await page.keyboard.press("Escape");
  await expect(callDialog).toBeHidden();

  const logButton = page.getByRole("button", { name: "Log a call" });
  await logButton.focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "Log a call" });
  await expect(form.getByRole("radio", { name: "We called them" })).toBeFocused();
  await checkPage(page);

  await page.keyboard.press("Tab");
  await expect(form.getByRole("textbox", { name: "Number" })).toBeFocused();
  await page.keyboard.type("555 0100");
  await page.keyboard.press("Enter");
  await expect(form.getByText("international format")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
  await expect(logButton).toBeFocused();
  await page.keyboard.press("Enter");

  await form.getByRole("textbox", { name: "Number" }).fill("+1 555 555 0142");
  await form.getByRole("combobox", { name: "Outcome" }).selectOption("answered");
  await form.getByRole("textbox", { name: "Duration" }).fill("4:05");
  await form.getByRole("textbox", { name: "Notes" }).fill("Refund approved <b>today</b>.");
  await form.getByRole("textbox", { name: "Duration" }).press("Enter");

  await expect(form).toBeHidden();
  await expect(logButton).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Call logged." })).toBeVisible();
  const logged = ticket.conversation.getByRole("article", { name: `Call by ${user.name}` });
  await expect(logged).toContainText("Called +15555550142 · Answered · 4:05 (logged by hand)");
  await expect(logged).toContainText("Refund approved <b>today</b>.");
  await expect(page.locator("header").filter({ has: ticket.heading })).toContainText("Answered · 4:05");
});

test("an admin changes how a phone channel answers in Settings; the next call's TwiML uses it, escaped", async ({ signIn, baseURL }) => {
  const channel = await createTestPhoneChannel({ origin: baseURL });
  const { page } = await signIn("admin");
  await page.goto("/settings");
  const name = (await db().select().from(channels).where(eq(channels.id, channel.id)))[0]!.name;

  await page.getByRole("button", { name: `Call handling: ${name}` }).click();
  // Settings shows the URLs at the app's public address (APP_URL): the path is the channel's.
  await expect(page.getByRole("definition").filter({ hasText: `/api/channels/phone/${channel.id}/voice` })).toBeVisible();
  const form = page.getByRole("form", { name: `Call handling of ${name}` });
  await form.getByRole("textbox", { name: "Greeting" }).fill(`Acme <Support> & "Returns"`);
  await form.getByRole("textbox", { name: "Agents’ numbers" }).fill("+15555550101\n555-0102");
  await form.getByRole("checkbox", { name: "Take a voicemail when nobody answers" }).uncheck();
  await form.getByRole("button", { name: "Save call handling" }).click();
  await expect(form.getByText("must be an E.164 number")).toBeVisible();
  await form.getByRole("textbox", { name: "Agents’ numbers" }).fill("+15555550101\n+15555550102");
  await form.getByRole("button", { name: "Save call handling" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. The next call uses it." })).toBeVisible();

  const answer = await twilioSends(channel, simulateCall(channel).incoming());
  expect(answer.twiml).toContain("<Say>Acme &lt;Support&gt; &amp; &quot;Returns&quot;</Say>");
  expect(answer.twiml).toContain("<Number>+15555550101</Number><Number>+15555550102</Number>");
  const call = simulateCall(channel);
  await twilioSends(channel, call.incoming());
  expect((await twilioSends(channel, call.dialEnded("no-answer"))).twiml).not.toContain("<Record");
});
