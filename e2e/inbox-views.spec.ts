import { uniqueEmail, uniqueWord } from "@/lib/testing/factories";
import { checkPage } from "./support/page-checks";
import { expect, test } from "./fixtures";

// The inbox's views count open tickets live; a view can be saved for a team, which only
// its members see; search marks its matches; tickets are picked with x or Shift-click and
// changed together.

test("team and tag views count live; a view saved for a team is seen by its members only", async ({ api, signIn, unique }) => {
  const agent = await signIn("agent");
  const outsider = await signIn("agent");
  const team = await api.createTeam(unique("Returns"), [agent.user.id]);
  const tag = uniqueWord("vip");
  const first = await api.createTicket({ subject: unique("Return label"), customerEmail: uniqueEmail("c"), body: "Please send one." });
  await api.updateTicket(first.id, { teamId: team.id, addTags: [tag] });

  const { page } = agent;
  await page.goto("/inbox");
  const views = page.getByRole("navigation", { name: "Views" });
  const teamView = views.getByRole("link", { name: new RegExp(`^${team.name}`) });
  await expect(teamView).toHaveText(new RegExp(`${team.name}\\s*1$`));
  await expect(views.getByRole("link", { name: new RegExp(`^#${tag}`) })).toHaveText(new RegExp(`1$`));

  // A second ticket joins the team elsewhere: the count follows without a reload.
  const second = await api.createTicket({ subject: unique("Exchange"), customerEmail: uniqueEmail("c"), body: "Wrong size." });
  await api.updateTicket(second.id, { teamId: team.id });
  await expect(teamView).toHaveText(new RegExp(`${team.name}\\s*2$`));

  await teamView.click();
  await expect(page).toHaveURL(new RegExp(`team=${team.id}`));
  await expect(teamView).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("list", { name: "Tickets" }).getByRole("listitem")).toHaveCount(2, { timeout: 15_000 });
  await page.getByRole("button", { name: "Save view" }).click();
  const form = page.getByRole("form", { name: "Save view" });
  const viewName = unique("Our returns");
  await form.getByRole("textbox", { name: "View name" }).fill(viewName);
  await form.getByRole("combobox", { name: "Visible to" }).selectOption({ label: `Team ${team.name}` });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(views.getByRole("link", { name: new RegExp(`^${viewName}`) })).toHaveAttribute("aria-current", "page");
  await checkPage(page);

  await outsider.page.goto("/inbox");
  await expect(outsider.page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: /^All open/ })).toBeVisible();
  await expect(outsider.page.getByText(viewName)).toHaveCount(0);
});

test("/ searches tickets with the match marked; x, Shift-click and e act on the picked tickets", async ({ api, signIn, unique }) => {
  const agent = await signIn("agent");
  const word = uniqueWord("parcel");
  const created: { id: string }[] = [];
  for (let i = 0; i < 3; i++) {
    created.push(await api.createTicket({ subject: unique(`Order ${i}`), customerEmail: uniqueEmail("c"), body: `My ${word} is late <script>alert(1)</script>` }));
  }
  const { page } = agent;
  await page.goto("/inbox");
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search tickets" });
  await expect(search).toBeFocused();
  // On the inbox "/" is the ticket search, not the customer search.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await search.fill(word);
  await search.press("Enter");
  const rows = page.getByRole("list", { name: "Tickets" }).getByRole("listitem");
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator("mark")).toHaveText(word);
  await expect(rows.first()).toContainText("is late");

  // j selects the first row, x picks it; Shift-click on the third picks the range.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("1 selected");
  await rows.nth(2).getByRole("checkbox").click({ modifiers: ["Shift"] });
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("3 selected");
  await checkPage(page);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("e");
  await expect(page.getByRole("status").filter({ hasText: "Changed 3 of 3 tickets" })).toBeVisible();
  await expect.poll(async () => (await Promise.all(created.map((t) => api.getTicket(t.id)))).map((t) => t.status)).toEqual([
    "resolved",
    "resolved",
    "resolved",
  ]);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Snooze the selected tickets");
});
