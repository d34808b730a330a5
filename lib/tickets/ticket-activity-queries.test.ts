import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DomainEvent } from "@/lib/events/domain-events";
import { createTestEmailChannel, createTestTicket, createTestUser, uniqueEmail } from "@/lib/testing/factories";
import { recordEvents } from "@/lib/testing/record-events";
import { deactivateTeammate } from "@/lib/users/deactivate-teammate";
import { receiveMessage } from "./receive-message";
import { listTicketActivity } from "./ticket-activity-queries";
import { updateTicket } from "./update-ticket";

const activityOf = (ticketId: string) => (event: DomainEvent) => event.type === "ticket.activity" && event.ticketId === ticketId;

describe("ticket activity", () => {
  it("lists status and assignee changes with who made them and whom they name, and publishes them after the commit", async () => {
    const { actor, user: ana } = await createTestUser({ role: "agent", name: "Ana Lima" });
    const { user: ben } = await createTestUser({ role: "agent", name: "Ben Ode" });
    const ticket = await createTestTicket();
    const recorder = recordEvents(activityOf(ticket.id));

    await updateTicket(actor, ticket.id, { status: "resolved", assigneeId: ben.id });
    await recorder.settle();
    recorder.stop();

    const activity = await listTicketActivity(db(), ticket.id);
    // The ticket's creation and its first message are shown as the message itself. Both
    // changes were made in one instant, so either may come first.
    const byType = Object.fromEntries(activity.map((event) => [event.type, event]));
    expect(Object.keys(byType).sort()).toEqual(["assignee.changed", "status.changed"]);
    expect(byType["status.changed"]).toMatchObject({ actor: { type: "user", id: ana.id, name: "Ana Lima" }, data: { from: "open", to: "resolved" } });
    expect(byType["assignee.changed"]).toMatchObject({ data: { from: null, to: ben.id }, people: { [ben.id]: "Ben Ode" } });
    expect(recorder.events).toEqual([{ type: "ticket.activity", ticketId: ticket.id, activity }]);
  });

  it("records a reopening by the customer's message in the same transaction, by nobody", async () => {
    const { actor } = await createTestUser({ role: "agent" });
    const channel = await createTestEmailChannel();
    const from = { email: uniqueEmail("customer") };
    const first = await receiveMessage({ channel, from, subject: "Refund", bodyText: "Hello" });
    await updateTicket(actor, first.ticket.id, { status: "resolved" });

    const again = await receiveMessage({ channel, from, subject: "Re: Refund", bodyText: "Still waiting", replyToTicketIds: [first.ticket.id] });

    expect(again.ticket.status).toBe("open");
    const reopened = (await listTicketActivity(db(), first.ticket.id)).at(-1);
    expect(reopened).toMatchObject({ type: "status.changed", actor: null, data: { from: "resolved", to: "open", reason: "customer_wrote" } });
  });

  it("names a deactivated teammate's tickets handed to the queue", async () => {
    const { actor: admin } = await createTestUser({ role: "admin" });
    const { actor: sam, user: samUser } = await createTestUser({ role: "agent", name: "Sam Gone" });
    const ticket = await createTestTicket();
    await updateTicket(sam, ticket.id, { assigneeId: samUser.id });
    const recorder = recordEvents(activityOf(ticket.id));

    await deactivateTeammate(admin, { userId: samUser.id });
    await recorder.settle();
    recorder.stop();

    expect(recorder.events).toEqual([
      expect.objectContaining({
        activity: [expect.objectContaining({ type: "assignee.changed", data: { from: samUser.id, to: null, reason: "deactivated" }, people: { [samUser.id]: "Sam Gone" } })],
      }),
    ]);
  });
});
