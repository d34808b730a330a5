import nodemailer from "nodemailer";
import { createTestUser, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { e2eSmtpPort } from "../playwright.config";
import { expect, test } from "./fixtures";
import { InboxPage } from "./pages/inbox-page";
import { LoginPage } from "./pages/login-page";
import type { Page } from "@playwright/test";

// Every page carries a Content-Security-Policy whose scripts need this response's nonce.

/** What the browser reports about the policy on this page: violations, in its console. */
function policyReports(page: Page): string[] {
  const reports: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  return reports;
}

test("pages carry a nonce policy for scripts, a new nonce each time, and are never framed", async ({ request }) => {
  const policies = await Promise.all(
    [1, 2].map(async () => (await request.get("/login")).headers()["content-security-policy"] ?? ""),
  );
  for (const policy of policies) {
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
  }
  expect(policies[0]).not.toBe(policies[1]);
});

test("the app signs in, renders and runs live with the policy, which reports nothing", async ({ newPage, signIn }) => {
  const agent = await signIn("agent");
  const page = await newPage();
  const reports = policyReports(page);
  const login = new LoginPage(page);
  await login.goto();
  // The login form is a client component: its inline error shows only once it hydrated.
  await login.signIn(uniqueEmail("nobody"), "not a password");
  await expect(login.error("Wrong email or password")).toBeVisible();

  const agentReports = policyReports(agent.page);
  await agent.page.reload();
  const inbox = new InboxPage(agent.page);
  await inbox.shell.waitUntilLive();
  await agent.page.keyboard.press("?");
  await expect(agent.page.getByRole("dialog", { name: /shortcuts/i })).toBeVisible();
  expect([...reports, ...agentReports]).toEqual([]);
});

test("an inline script slipped into a page does not run, and the browser says why", async ({ newPage }) => {
  // A workspace with someone in it shows the login page, not the first-admin setup.
  await createTestUser();
  const page = await newPage();
  const reports = policyReports(page);
  // As a stored XSS would: the page's own HTML, with its own headers, carries a script.
  await page.route("**/login", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  const login = new LoginPage(page);
  await login.goto();
  await expect.poll(() => reports.join("\n")).toMatch(/inline script.*script-src.*(blocked|Refused)|Refused to execute inline script/s);
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  // The page's own scripts, with the nonce, still run.
  await login.signIn(uniqueEmail("nobody"), "not a password");
  await expect(login.error("Wrong email or password")).toBeVisible();
});

test("a customer's HTML mail shows in its frame, and its remote images load when asked for", async ({ signIn, api }) => {
  const address = `support-${uniqueSuffix()}@e2e.touchbase.test`;
  await api.createEmailChannel({ name: "E2E policy", address });
  const agent = await signIn("agent");
  const reports = policyReports(agent.page);
  // The remote image, answered by the test: a 1×1 PNG.
  const imageUrl = `https://images-${uniqueSuffix()}.example/photo.png`;
  const pixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=", "base64");
  await agent.context.route(imageUrl, (route) => route.fulfill({ contentType: "image/png", body: pixel }));

  const subject = `Broken on arrival ${uniqueSuffix()}`;
  await nodemailer.createTransport({ host: "127.0.0.1", port: e2eSmtpPort, secure: false, ignoreTLS: true }).sendMail({
    from: { name: "Hana Html", address: uniqueEmail("html") },
    to: address,
    subject,
    text: "The vase arrived broken.",
    html: `<p>The vase <b>arrived broken</b>.</p><img alt="the vase" src="${imageUrl}">`,
  });
  const inbox = new InboxPage(agent.page);
  await inbox.shell.waitUntilLive();
  await expect(inbox.ticket(subject)).toBeVisible();
  await inbox.openTicket(subject);

  const mail = agent.page.frameLocator('iframe[title="Mail from Hana Html"]');
  await expect(mail.getByText("arrived broken")).toBeVisible();
  const image = mail.getByRole("img", { name: "the vase" });
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);
  await agent.page.getByRole("button", { name: "Load images" }).click();
  await expect.poll(() => mail.getByRole("img", { name: "the vase" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  expect(reports).toEqual([]);
});

test("HSTS is not sent over plain http, nor on a forged X-Forwarded-Proto from an untrusted client", async ({ request }) => {
  const plain = await request.get("/login");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const forged = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(forged.headers()["strict-transport-security"]).toBeUndefined();
});
