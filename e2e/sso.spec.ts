import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createTestTicket, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { AppShell } from "./pages/app-shell";
import { CompanySignIn } from "./pages/company-sign-in";
import { testOidcDomain } from "./support/test-oidc-client";

// Each test walks through the provider's pages several times.
test.describe.configure({ timeout: 180_000 });

// A workspace without anyone in it sends sign-in to the first-admin setup instead.
test.beforeAll(async () => {
  await createTestUser({ role: "admin" });
});

const accountsWith = (email: string) => db().select().from(users).where(eq(users.email, email));

test("a new employee gets in through company sign-in as staff, and is the same person the next time", async ({ newPage }) => {
  const email = `new.hire-${uniqueSuffix()}@${testOidcDomain}`;
  const ticket = await createTestTicket();

  // A link shared in chat: the first sign-in lands where it points.
  const page = await newPage();
  await new CompanySignIn(page).signInAs(email, { from: `/login?callbackUrl=${encodeURIComponent(`/tickets/${ticket.id}`)}` });
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}`));
  await expect(new AppShell(page).sidebar).toContainText(/new hire/);
  const [account] = await accountsWith(email);
  expect(account).toMatchObject({ role: "staff", active: true, passwordHash: null });

  const again = await newPage();
  await new CompanySignIn(again).signInAs(email);
  await expect(again).toHaveURL(/\/inbox/);
  expect(await accountsWith(email)).toHaveLength(1);
});

test("someone outside the company's domains, or with an unverified email, is refused and gets no account", async ({
  newPage,
}) => {
  const foreign = `visitor-${uniqueSuffix()}@elsewhere.test`;
  // Each in its own browser: the provider remembers who signed in there.
  const sso = new CompanySignIn(await newPage());
  await sso.signInAs(foreign);
  await sso.expectRefused("company's own email addresses");

  const unverified = `unverified-${uniqueSuffix()}@${testOidcDomain}`;
  const again = new CompanySignIn(await newPage());
  await again.signInAs(unverified);
  await again.expectRefused("no verified email address");

  expect(await accountsWith(foreign)).toEqual([]);
  expect(await accountsWith(unverified)).toEqual([]);
});

test("a deactivated person stays out, and a password account is linked on a verified email", async ({ newPage }) => {
  const gone = `gone-${uniqueSuffix()}@${testOidcDomain}`;
  await createTestUser({ email: gone, active: false });
  const page = await newPage();
  await new CompanySignIn(page).signInAs(gone);
  await new CompanySignIn(page).expectRefused("deactivated");

  const existing = `agent-${uniqueSuffix()}@${testOidcDomain}`;
  const { user } = await createTestUser({ email: existing, role: "agent" });
  const other = await newPage();
  await new CompanySignIn(other).signInAs(existing);
  await expect(other).toHaveURL(/\/inbox/);
  const [linked] = await accountsWith(existing);
  expect(linked).toMatchObject({ id: user.id, role: "agent", oidcSubject: existing });
});

test("forged or replayed answers from the identity provider are refused and change nothing", async ({ newPage }) => {
  // Five round trips through the provider's pages.
  test.setTimeout(300_000);
  for (const forgery of ["forge-audience", "forge-expired", "forge-nonce"]) {
    const email = `${forgery}-${uniqueSuffix()}@${testOidcDomain}`;
    const page = await newPage();
    const sso = new CompanySignIn(page);
    await sso.signInAs(email);
    await sso.expectRefused("could not be verified");
    expect(await accountsWith(email), forgery).toEqual([]);
  }

  // A callback whose state this browser never started.
  const page = await newPage();
  await page.goto("/api/auth/callback/oidc?code=stolen-code&state=forged-state");
  await new CompanySignIn(page).expectRefused("could not be verified");

  // The provider's real answer, replayed by another browser after it was used.
  const email = `replayed-${uniqueSuffix()}@${testOidcDomain}`;
  const first = await newPage();
  let callback = "";
  first.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/oidc")) callback = request.url();
  });
  await new CompanySignIn(first).signInAs(email);
  await expect(first).toHaveURL(/\/inbox/);
  expect(callback).toContain("code=");

  const attacker = await newPage();
  await attacker.goto(callback);
  await new CompanySignIn(attacker).expectRefused("could not be verified");
  await attacker.goto("/inbox");
  await expect(attacker).toHaveURL(/\/login/);
});
