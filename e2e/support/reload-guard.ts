import { expect, type Page } from "@playwright/test";
import { uniqueSuffix } from "@/lib/testing/factories";

type MarkedWindow = Window & { e2eReloadGuard?: string };

/**
 * Marks the page's window: a full reload (or any document load) drops the mark, while
 * live updates and client-side navigation keep it. Proves that something arrived live.
 */
export async function guardAgainstReload(page: Page): Promise<{ expectNoReload: () => Promise<void> }> {
  const mark = uniqueSuffix();
  await page.evaluate((value) => {
    (window as MarkedWindow).e2eReloadGuard = value;
  }, mark);
  return {
    async expectNoReload() {
      expect(await page.evaluate(() => (window as MarkedWindow).e2eReloadGuard), "the page was reloaded").toBe(mark);
    },
  };
}
