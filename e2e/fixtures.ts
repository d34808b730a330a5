import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { closeDatabase } from "@/lib/db/client";
import type { User, UserRole } from "@/lib/db/schema";
import { createTestApiKey, createTestUser, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";
import { AccountPage } from "./pages/account-page";
import { LoginPage } from "./pages/login-page";
import { SettingsPage } from "./pages/settings-page";
import { TouchbaseApi } from "./support/touchbase-api";

export { expect };

export type SignedInMember = { user: User; password: string; page: Page; context: BrowserContext };

export type AddedTeammate = {
  admin: SignedInMember;
  settings: SettingsPage;
  name: string;
  email: string;
  temporaryPassword: string;
  page: Page;
  login: LoginPage;
  account: AccountPage;
};

type TestFixtures = {
  /** The REST API with a fresh key of this test's own. */
  api: TouchbaseApi;
  /** A page in a browser context of its own, as on someone else's computer; closed after the test. */
  newPage: () => Promise<Page>;
  /** A new staff member of the given role, signed in through the login page in a browser context of their own. */
  signIn: (role?: UserRole) => Promise<SignedInMember>;
  /**
   * An admin adds a teammate in Settings; the teammate signs in with the temporary password
   * in a browser of their own and lands on the required password change.
   */
  addTeammate: (options: { name: string; typedEmail?: (email: string) => string }) => Promise<AddedTeammate>;
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

  addTeammate: async ({ signIn, newPage }, use) => {
    await use(async ({ name, typedEmail = (email) => email }) => {
      const admin = await signIn("admin");
      const settings = new SettingsPage(admin.page);
      await settings.goto();
      const email = uniqueEmail("teammate");
      const temporaryPassword = await settings.addTeammate({ name, email: typedEmail(email), role: "agent" });

      const page = await newPage();
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(email, temporaryPassword);
      const account = new AccountPage(page);
      await account.expectPasswordChangeRequired();
      return { admin, settings, name, email, temporaryPassword, page, login, account };
    });
  },

  unique: async ({}, use) => {
    await use((label) => `${label} ${uniqueSuffix()}`);
  },
});
