import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { closeDatabase } from "@/lib/db/client";
import type { User, UserRole } from "@/lib/db/schema";
import { createTestApiKey, createTestUser, uniqueSuffix } from "@/lib/testing/factories";
import { LoginPage } from "./pages/login-page";
import { TouchbaseApi } from "./support/touchbase-api";

export { expect };

export type SignedInMember = { user: User; password: string; page: Page; context: BrowserContext };

type TestFixtures = {
  /** The REST API with a fresh key of this test's own. */
  api: TouchbaseApi;
  /** A page in a browser context of its own, as on someone else's computer; closed after the test. */
  newPage: () => Promise<Page>;
  /** A new staff member of the given role, signed in through the login page in a browser context of their own. */
  signIn: (role?: UserRole) => Promise<SignedInMember>;
  /** A string no other test (or earlier run on this database) uses, for subjects and bodies. */
  unique: (label: string) => string;
};

type WorkerFixtures = { databaseConnection: void };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // The factories write through lib/db's pool in this worker process; close it with the worker.
  databaseConnection: [
    async ({}, use) => {
      await use();
      await closeDatabase();
    },
    { scope: "worker", auto: true },
  ],

  api: async ({ request }, use) => {
    const { key } = await createTestApiKey();
    await use(new TouchbaseApi(request, key));
  },

  newPage: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  signIn: async ({ newPage }, use) => {
    await use(async (role = "agent") => {
      const { user, password } = await createTestUser({ role });
      const page = await newPage();
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(user.email, password);
      await expect(page).toHaveURL(/\/inbox/);
      return { user, password, page, context: page.context() };
    });
  },

  unique: async ({}, use) => {
    await use((label) => `${label} ${uniqueSuffix()}`);
  },
});
