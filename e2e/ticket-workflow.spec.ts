import { uniqueEmail } from "@/lib/testing/factories";
import { checkPage } from "./support/page-checks";
import { expect, test } from "./fixtures";

// An admin makes a team in Settings; an agent puts a ticket in it, raises its priority,
// tags it and snoozes it, and each change shows at once and survives a reload.

test("teams in Settings; priority, team, tags and a snooze on a ticket", async ({ api, signIn, unique }) => {
  const admin = await signIn("admin");
  const teamName = unique("Billing");
  await admin.page.goto("/settings");
  const teams = admin.page.getByRole("region", { name: "Teams" });
  await teams.getByRole("textbox", { name: "Team name" }).fill(teamName);
  await teams.getByRole("button", { name: "Create team" }).click();
  const row = teams.getByRole("table", { name: "Teams" }).getByRole("row").filter({ hasText: teamName });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Members of ${teamName}` }).click();
  await row.getByRole("checkbox", { name: admin.user.name }).check();
  await row.getByRole("button", { name: "Save members" }).click();
  await expect(row).toContainText(admin.user.name);

  const ticket = await api.createTicket({ subject: unique("Invoice wrong"), customerEmail: uniqueEmail("c"), body: "Please fix." });
  const { page } = admin;
  await page.goto(`/tickets/${ticket.id}`);
  const details = page.getByRole("region", { name: "Ticket details" });
  await details.getByRole("combobox", { name: "Priority" }).selectOption("urgent");
  await details.getByRole("combobox", { name: "Team" }).selectOption({ label: teamName });
  const tagField = details.getByRole("textbox", { name: "Tags" });
  await tagField.fill("Refund");
  await tagField.press("Enter");
  await expect(details.getByRole("list", { name: "Tags" })).toContainText("refund");

  await details.getByRole("combobox", { name: "Status" }).selectOption("snoozed");
  await checkPage(page);
  await details.getByRole("button", { name: "Tomorrow 9:00" }).click();
  await expect(details.getByText(/Opens again/)).toBeVisible();

  await expect
    .poll(async () => {
      const stored = await api.getTicket(ticket.id);
      return [stored.status, stored.priority, stored.team?.name, stored.tags.join(",")];
    })
    .toEqual(["snoozed", "urgent", teamName, "refund"]);

  await page.reload();
  await expect(details.getByRole("combobox", { name: "Priority" })).toHaveValue("urgent");
  await expect(details.getByRole("combobox", { name: "Status" })).toHaveValue("snoozed");
  await checkPage(page);
});
