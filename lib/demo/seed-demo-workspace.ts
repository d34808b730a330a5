import { count, eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { findOrCreateCustomerByEmail } from "@/lib/customers/find-or-create-customer";
import { db } from "@/lib/db/client";
import { channels, customers, messages, tickets, users, type ChannelKind, type TicketStatus } from "@/lib/db/schema";
import { appendMessage, type NewMessage } from "@/lib/tickets/append-message";
import { recordTouchpoints } from "@/lib/timeline/record-touchpoints";
import { seedDemoPhoneChannel } from "./demo-phone-channel";
import { demoCustomers, demoEmailChannel, demoPassword, demoStaff, demoTickets } from "./demo-data";
import { demoJourneys } from "./demo-journeys";

// Serialises two app processes starting on one empty database. A one-key lock: it cannot
// collide with the two-key per-email sign-in locks that use the same first number.
const seedLockKey = 7274830;

/**
 * Loads the demo workspace into an empty embedded database, once. Returns the demo login,
 * or null when the database already had users.
 */
export async function seedDemoWorkspaceIfEmpty(): Promise<{ email: string; password: string } | null> {
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${seedLockKey})`);
    const [{ value: userCount }] = (await tx.select({ value: count() }).from(users)) as [{ value: number }];
    if (userCount > 0) return null;

    const passwordHash = await hashPassword(demoPassword);
    const staff = await tx
      .insert(users)
      .values(demoStaff.map((person) => ({ ...person, passwordHash })))
      .returning();
    const staffByKey = new Map(staff.map((user) => [user.email.split("@")[0]!, user]));

    const [emailChannel] = await tx
      .insert(channels)
      .values({ kind: "email", name: "Support", settings: demoEmailChannel })
      .returning();

    const customerByKey = new Map<string, typeof customers.$inferSelect>();
    for (const person of demoCustomers) {
      const customer = await findOrCreateCustomerByEmail(tx, person);
      if (person.phone) await tx.update(customers).set({ phone: person.phone }).where(eq(customers.id, customer.id));
      customerByKey.set(person.email.split("@")[0]!, customer);
    }

    const now = Date.now();
    await recordTouchpoints(
      tx,
      Object.entries(demoJourneys).flatMap(([key, steps]) =>
        steps.map(({ minutesAgo, ...step }, index) => ({
          ...step,
          customerId: customerByKey.get(key)!.id,
          source: "demo",
          messageId: `${key}-${index}`,
          occurredAt: new Date(now - minutesAgo * 60_000),
        })),
      ),
    );
    for (const demo of demoTickets) {
      const customer = customerByKey.get(demo.customer)!;
      const [ticket] = await tx
        .insert(tickets)
        .values({
          subject: demo.subject,
          channel: demo.channel as ChannelKind,
          channelId: demo.channel === "email" ? emailChannel!.id : null,
          status: demo.status as TicketStatus,
          customerId: customer.id,
          assigneeId: demo.assignee ? staffByKey.get(demo.assignee)!.id : null,
          tags: demo.tags ?? [],
        })
        .returning();
      for (const message of demo.messages) {
        const author = message.from === "customer" ? null : staffByKey.get(message.from)!;
        const input: NewMessage = {
          direction: author ? "out" : "in",
          kind: message.kind ?? "reply",
          bodyText: message.body,
          authorUserId: author?.id ?? null,
          authorCustomerId: author ? null : customer.id,
        };
        const { message: stored } = await appendMessage(tx, ticket!.id, input);
        const at = new Date(now - message.minutesAgo * 60_000);
        await tx.update(messages).set({ createdAt: at }).where(eq(messages.id, stored.id));
      }
      const first = new Date(now - demo.messages[0]!.minutesAgo * 60_000);
      const last = new Date(now - demo.messages.at(-1)!.minutesAgo * 60_000);
      await tx
        .update(tickets)
        .set({
          createdAt: first,
          lastMessageAt: last,
          updatedAt: last,
          resolvedAt: demo.status === "resolved" ? last : null,
        })
        .where(eq(tickets.id, ticket!.id));
    }
    await seedDemoPhoneChannel(tx);
    return { email: demoStaff[0].email, password: demoPassword };
  });
}
