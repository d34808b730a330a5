import AxeBuilder from "@axe-core/playwright";
import { expect, type Frame, type Locator, type Page } from "@playwright/test";

/** The two window sizes every page is checked at (issue 12): a laptop and a phone. */
export const viewports = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof viewports;

export type PageCheckOptions = {
  /** Controls this page must show (visible, not clipped) at this size: its reason to exist. */
  mustShow?: Locator[];
};

/**
 * What every page of Touchbase must pass at every size: its own controls are shown, no
 * control anywhere on it is zero-sized, clipped, pushed off the side or covered by
 * something else, the page does not scroll sideways, and axe-core finds no serious or
 * critical violation. Call it once the page has loaded.
 */
export async function checkPage(page: Page, options: PageCheckOptions = {}) {
  for (const control of options.mustShow ?? []) await expect(control).toBeVisible();
  await expectUsableControls(page);
  await expectNoSeriousAxeViolations(page);
}

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\n\s*/g, " ")}`)
          .join("\n"),
    );
  expect(serious, `axe-core on ${page.url()}`).toEqual([]);
}

/** Each control that is zero-sized, clipped, off the side or covered, and sideways scrolling; of a page, or of a frame in it (the chat panel). */
export function controlProblems(page: Page | Frame): Promise<string[]> {
  return page.evaluate(findControlProblems);
}

export async function expectUsableControls(page: Page) {
  const problems = await controlProblems(page);
  expect(problems, `controls on ${page.url()} at ${page.viewportSize()?.width}px`).toEqual([]);
}

// Runs in the browser, so it must be self-contained (no imports, no outer variables).
function findControlProblems(): string[] {
  const selector = [
    "a[href]",
    "button",
    "input:not([type=hidden])",
    "select",
    "textarea",
    "summary",
    "[role=button]",
    "[role=link]",
    "[role=tab]",
    "[role=checkbox]",
    "[role=menuitem]",
    "[role=option]",
    "[contenteditable=true]",
    "[tabindex]:not([tabindex='-1'])",
  ].join(",");
  const problems: string[] = [];
  const root = document.documentElement;
  const viewport = { left: 0, top: 0, right: root.clientWidth, bottom: window.innerHeight };

  const describe = (element: Element | null): string => {
    if (!element) return "nothing";
    const label =
      element.getAttribute("aria-label") ||
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement
        ? [...(element.labels ?? [])].map((l) => l.textContent).join(" ") || element.name
        : element.textContent) ||
      "";
    const role = element.getAttribute("role") ?? element.tagName.toLowerCase();
    return `${role} "${label.trim().replace(/\s+/g, " ").slice(0, 60)}"`;
  };

  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth}px of content in a ${root.clientWidth}px window`);
  }

  type Box = { left: number; top: number; right: number; bottom: number };
  const area = (box: Box) => Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);

  // Behind an open modal dialog the page is inert: only the dialog's controls are on it.
  const modal = document.querySelector("dialog:modal");
  for (const element of (modal ?? document).querySelectorAll<HTMLElement>(selector)) {
    // Not rendered (display: none, visibility: hidden, a closed drawer or dialog), or
    // behind an open drawer: nobody sees it or tabs to it, so it is not on the page now.
    if (!element.checkVisibility({ visibilityProperty: true }) || element.closest("[inert]")) continue;
    const name = describe(element);
    const size = element.getBoundingClientRect();
    if (size.width < 1 || size.height < 1) {
      problems.push(`${name} is ${Math.round(size.width)}×${Math.round(size.height)} px`);
      continue;
    }

    element.scrollIntoView({ block: "center", inline: "center" });
    const rect = element.getBoundingClientRect();
    const visible: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    const clip = (by: Box, x: boolean, y: boolean) => {
      if (x) [visible.left, visible.right] = [Math.max(visible.left, by.left), Math.min(visible.right, by.right)];
      if (y) [visible.top, visible.bottom] = [Math.max(visible.top, by.top), Math.min(visible.bottom, by.bottom)];
    };
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
      const style = getComputedStyle(ancestor);
      const clipsX = style.overflowX !== "visible";
      const clipsY = style.overflowY !== "visible";
      if (clipsX || clipsY) clip(ancestor.getBoundingClientRect(), clipsX, clipsY);
    }
    clip(viewport, true, true);
    // A pixel or two lost to rounding or a rounded corner is not a clipped control.
    const tolerance = 2 * (rect.width + rect.height);
    if (area(visible) + tolerance < area(rect)) {
      const shown = Math.round((100 * area(visible)) / area(rect));
      problems.push(`${name} is clipped: ${shown}% of its ${Math.round(rect.width)}×${Math.round(rect.height)} px shows`);
      continue;
    }

    const hit = document.elementFromPoint((visible.left + visible.right) / 2, (visible.top + visible.bottom) / 2);
    const labels = "labels" in element ? [...((element as HTMLInputElement).labels ?? [])] : [];
    if (!hit || !(element.contains(hit) || labels.some((label) => label.contains(hit)))) {
      problems.push(`${name} is covered by ${describe(hit)}`);
    }
  }
  window.scrollTo(0, 0);
  return problems;
}
