import { expect, test } from "@playwright/test";
import { controlProblems, viewports } from "./support/page-checks";

// The checks every page goes through must themselves catch what issue 12 found: controls
// at 0×0, clipped by their container, covered by another element, and a page wider
// than the phone. Plain HTML, no app needed.

test("the control check finds zero-sized, clipped, covered and off-screen controls", async ({ page }) => {
  await page.setViewportSize(viewports.phone);
  await page.setContent(`
    <body style="margin: 0">
    <main>
      <button>Fine</button>
      <div style="display: none"><button>Not rendered</button></div>
      <div style="display: flex; width: 0"><select aria-label="Squashed" style="width: 0; min-width: 0; padding: 0; border: 0"></select></div>
      <div style="width: 60px; overflow: hidden"><button style="width: 200px">Clipped</button></div>
      <div style="position: relative">
        <button>Covered</button>
        <div style="position: absolute; inset: 0; background: white">overlay</div>
      </div>
      <div style="width: 600px"><a href="/far">Far right</a></div>
      <div style="height: 60px; overflow: auto"><div style="height: 400px"></div><button>Scrolled into view</button></div>
    </main>
    </body>
  `);

  const problems = await controlProblems(page);
  expect(problems).toEqual([
    "the page scrolls sideways: 600px of content in a 390px window",
    expect.stringMatching(/^select "Squashed" is 0×\d+ px$/),
    expect.stringMatching(/^button "Clipped" is clipped: \d+% of its 200×\d+ px shows$/),
    'button "Covered" is covered by div "overlay"',
  ]);
});
