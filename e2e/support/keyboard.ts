import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Presses Tab until `target` has focus, as someone without a mouse would, and fails if it
 * never does or if focus ever lands on something that cannot be seen (a hidden drawer's
 * link, a zero-sized or off-screen control).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  const visited: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const rect = element.getBoundingClientRect();
      const seen =
        element.checkVisibility({ visibilityProperty: true }) &&
        rect.width >= 1 &&
        rect.height >= 1 &&
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < window.innerHeight &&
        rect.left < window.innerWidth;
      const name = (element.getAttribute("aria-label") || element.textContent || element.getAttribute("name") || "").trim().slice(0, 40);
      return { seen, description: `${element.tagName.toLowerCase()} "${name}"` };
    });
    if (!focused) continue;
    visited.push(focused.description);
    expect(focused.seen, `focus went to something unseen: ${focused.description}`).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return visited;
  }
  throw new Error(`Tab never reached the target; visited: ${visited.join(", ")}`);
}
