import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mentions, messages, notifications, outboundEmails, users } from "@/lib/db/schema";
import type { DomainEvent } from "@/lib/events/domain-events";
import { createTestTicket, createTestUser } from "@/lib/testing/factories";
import { recordEvents } from "@/lib/testing/record-events";
import { addMessage } from "@/lib/tickets/add-message";
import { updateTicket } from "@/lib/tickets/update-ticket";
import { markNotificationsRead } from "./mark-notifications-read";
import { countUnreadNotifications, listNotifications } from "./notification-queries";

const forUser = (userId: string) => (event: DomainEvent) =>
  (event.type === "notification.created" || event.type === "notifications.read") && event.userId === userId;

const mailsTo = (address: string) => db().select().from(outboundEmails).where(eq(outboundEmails.toAddress, address));

describe("mentions in internal notes", () => {
  it("stores who a note mentions, puts it under their bell live and mails them a link to the ticket", async () => {
    const { actor } = await createTestUser({ name: "Ana Writer" });
    const { user: ben } = await createTestUser({ role: "staff", name: "Ben Sales" });
    const ticket = await createTestTicket();
    const recorder = recordEvents(forUser(ben.id));

    const note = await addMessage(actor, ticket.id, { kind: "note", body: "@Ben Sales can you check the order?", mentions: [ben.id, ben.id] });
    await recorder.settle();
    recorder.stop();

    expect(await db().select().from(mentions).where(eq(mentions.messageId, note.id))).toEqual([
      expect.objectContaining({ userId: ben.id, ticketId: ticket.id }),
    ]);
    const { notifications: bell } = await listNotifications(db(), ben.id, { limit: 10 });
    expect(bell).toEqual([
      expect.objectContaining({ kind: "mention", ticket: expect.objectContaining({ id: ticket.id }), actor: expect.objectContaining({ name: "Ana Writer" }), readAt: null }),
    ]);
    expect(bell[0]!.excerpt).toContain("can you check the order?");
    expect(recorder.events).toEqual([expect.objectContaining({ type: "notification.created", unread: 1 })]);
    const [mail] = await mailsTo(ben.email);
    expect(mail!.subject).toContain("Ana Writer mentioned you");
    expect(mail!.bodyText).toContain(`/tickets/${ticket.id}`);
    expect(mail!.bodyText).toContain("> @Ben Sales can you check the order?");
  });

  it("refuses a note that mentions a deactivated person, and writes nothing", async () => {
    const { actor } = await createTestUser();
    const { user: gone } = await createTestUser({ name: "Gone Person", active: false });
    const ticket = await createTestTicket();

    await expect(addMessage(actor, ticket.id, { kind: "note", body: "@Gone Person see this", mentions: [gone.id] })).rejects.toMatchObject({
      code: "validation_failed",
      message: "Gone Person is deactivated and can't be mentioned",
    });
    expect(await db().select().from(messages).where(eq(messages.ticketId, ticket.id))).toHaveLength(1);
    expect(await db().select().from(notifications).where(eq(notifications.userId, gone.id))).toEqual([]);
    expect(await mailsTo(gone.email)).toEqual([]);
  });

  it("refuses mentions on a reply to the customer", async () => {
    const { actor } = await createTestUser();
    const { user: ben } = await createTestUser();
    const ticket = await createTestTicket();
    await expect(addMessage(actor, ticket.id, { kind: "reply", body: "hello", mentions: [ben.id] })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("tells nobody about their own mention, and follows each person's choices", async () => {
    const { actor, user: ana } = await createTestUser();
    const { user: quiet } = await createTestUser();
    await db().update(users).set({ notifyMentionsInApp: false }).where(eq(users.id, quiet.id));
    const ticket = await createTestTicket();

    await addMessage(actor, ticket.id, { kind: "note", body: "me and quiet", mentions: [ana.id, quiet.id] });

    expect(await countUnreadNotifications(db(), ana.id)).toBe(0);
    expect(await mailsTo(ana.email)).toEqual([]);
    expect(await countUnreadNotifications(db(), quiet.id)).toBe(0);
    expect(await mailsTo(quiet.email)).toHaveLength(1);
    expect(await db().select().from(mentions).where(eq(mentions.userId, quiet.id))).toHaveLength(1);
  });
});

describe("assignment notifications", () => {
  it("tells the new assignee, in the app and by mail", async () => {
    const { actor } = await createTestUser({ name: "Lead Person" });
    const { user: sam } = await createTestUser();
    const ticket = await createTestTicket();

    await updateTicket(actor, ticket.id, { assigneeId: sam.id });

    const { notifications: bell } = await listNotifications(db(), sam.id, { limit: 10 });
    expect(bell).toEqual([expect.objectContaining({ kind: "assignment", ticket: expect.objectContaining({ id: ticket.id }) })]);
    const [mail] = await mailsTo(sam.email);
    expect(mail!.subject).toContain("Lead Person assigned");
    expect(mail!.bodyText).toContain(`/tickets/${ticket.id}`);
  });
});

describe("markNotificationsRead", () => {
  it("marks only the caller's own notifications and publishes the new count", async () => {
    const { actor } = await createTestUser();
    const { user: ben } = await createTestUser();
    const { user: other } = await createTestUser();
    const ticket = await createTestTicket();
    await addMessage(actor, ticket.id, { kind: "note", body: "both", mentions: [ben.id, other.id] });
    const [otherNotification] = (await listNotifications(db(), other.id, { limit: 1 })).notifications;

    expect(await markNotificationsRead(ben.id, [otherNotification!.id])).toEqual({ unread: 1 });
    expect(await countUnreadNotifications(db(), other.id)).toBe(1);
    expect(await markNotificationsRead(ben.id, "all")).toEqual({ unread: 0 });
    expect(await countUnreadNotifications(db(), other.id)).toBe(1);
  });
});

describe("optimistic concurrency", () => {
  it("refuses a change made against an older version with the ticket as it is now", async () => {
    const { actor } = await createTestUser({ name: "Priya First" });
    const { actor: late } = await createTestUser();
    const ticket = await createTestTicket();
    const seen = ticket.version;

    const first = await updateTicket(actor, ticket.id, { status: "pending", version: seen });
    expect(first.version).toBe(seen + 1);

    await expect(updateTicket(late, ticket.id, { status: "resolved", version: seen })).rejects.toMatchObject({
      code: "ticket_changed",
      status: 409,
      message: expect.stringContaining("Priya First changed this ticket"),
      details: { ticket: expect.objectContaining({ status: "pending", version: seen + 1 }) },
    });
    const again = await updateTicket(late, ticket.id, { status: "resolved", version: seen + 1 });
    expect(again).toMatchObject({ status: "resolved", version: seen + 2 });
  });
});
