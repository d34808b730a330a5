import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { testOidcClient, testOidcDomain } from "./e2e/support/test-oidc-client";

// The fixtures seed users straight into the database the server uses, so both must be
// given the same scratch database: `npm run test:e2e` provisions one (scripts/test.ts).
if (!process.env.DATABASE_URL || !process.env.AUTH_SECRET) {
  throw new Error(
    "End-to-end tests need a scratch database: run `npm run test:e2e`, or set DATABASE_URL and AUTH_SECRET yourself",
  );
}

const port = Number(process.env.E2E_PORT ?? 3200);
// The app's SMTP listener, and the sink e2e/email.spec.ts starts for the app's outgoing mail.
export const e2eSmtpPort = port + 1000;
export const e2eSinkPort = port + 1100;
const baseURL = `http://127.0.0.1:${port}`;
// The company identity provider the app signs employees in with (e2e/sso.spec.ts).
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 300);
export const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // The machines this runs on have two cores, shared with the app server.
  workers: 2,
  reporter: "list",
  // Only e2e/readme-screenshots.spec.ts compares screenshots: the README's pictures, which
  // the suite rewrites when the app looks different, so they stay current.
  snapshotPathTemplate: "{testDir}/../docs/screenshots/{arg}{ext}",
  updateSnapshots: "changed",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        ...(existsSync(systemChromium)
          ? {
              launchOptions: {
                executablePath: systemChromium,
                args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
              },
            }
          : {}),
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx e2e/support/oidc-provider-server.ts ${oidcPort} ${baseURL}`,
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Builds the app first when its sources changed since the last build.
      command: "npm start",
      url: `${baseURL}/api/health`,
      // A cold `next build` on two cores takes a few minutes.
      timeout: 10 * 60_000,
      // Never reuse a server: one already on this port may be using another database.
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: process.env.DATABASE_URL,
        AUTH_SECRET: process.env.AUTH_SECRET,
        // Outgoing mail goes to a sink the email spec starts; while no sink runs, it waits in
        // the outbox table ("retrying"), where the other specs read it.
        SMTP_URL: `smtp://127.0.0.1:${e2eSinkPort}`,
        SMTP_PORT: String(e2eSmtpPort),
        NEXT_TELEMETRY_DISABLED: "1",
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: testOidcClient.clientId,
        OIDC_CLIENT_SECRET: testOidcClient.clientSecret,
        OIDC_ALLOWED_DOMAINS: testOidcDomain,
        OIDC_NAME: "Acme",
      },
    },
  ],
});
