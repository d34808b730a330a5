import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { userActor } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/env";
import {
  channels,
  customerIdentities,
  customers,
  users,
  type ApiKey,
  type ApiKeyScope,
  type ChannelKind,
  type Customer,
  type User,
  type UserRole,
} from "@/lib/db/schema";
import type { EmailChannel } from "@/lib/channels/email/email-channels";
import type { EmailChannelSettings } from "@/lib/channels/email/email-channel-config";
import { createTicket } from "@/lib/tickets/create-ticket";
import type { TicketWithMessages } from "@/lib/tickets/ticket-views";

// Shared by vitest and Playwright. Tests run in parallel against one database and never
// truncate it, so every row made here is unique to its caller.

export function uniqueSuffix(): string {
  return randomBytes(6).toString("hex");
}

export function uniqueEmail(label = "someone"): string {
  return `${label}-${uniqueSuffix()}@example.test`;
}

export async function createTestUser(
  options: { role?: UserRole; name?: string; email?: string; active?: boolean; password?: string } = {},
): Promise<{ user: User; password: string; actor: Actor }> {
  const role = options.role ?? "agent";
  const password = options.password ?? `pw-${uniqueSuffix()}`;
  const [user] = await db()
    .insert(users)
    .values({
      email: options.email ?? uniqueEmail(role),
      name: options.name ?? `Test ${role} ${uniqueSuffix()}`,
      role,
      active: options.active ?? true,
      passwordHash: await hashPassword(password),
    })
    .returning();
  return { user: user!, password, actor: userActor(user!) };
}

/** A session as signing in opens one, and the Cookie header that carries it (for sockets). */
export async function createTestSession(
  userId: string,
  secret: string = authSecret(),
): Promise<{ sessionId: string; cookie: string }> {
  const sessionId = await startSession(db(), userId);
  const token = await encode({ token: { sub: userId, sid: sessionId }, secret });
  return { sessionId, cookie: `next-auth.session-token=${token}` };
}

export async function createTestApiKey(
  options: { name?: string; revoked?: boolean; scope?: ApiKeyScope } = {},
): Promise<{ key: string; apiKey: ApiKey; actor: Actor }> {
  const { key, apiKey } = await createApiKey(db(), {
    name: options.name ?? `test key ${uniqueSuffix()}`,
    createdById: null,
    scope: options.scope,
  });
  if (options.revoked) await revokeApiKey(db(), apiKey.id);
  return { key, apiKey, actor: { type: "api_key", id: apiKey.id, name: apiKey.name, scope: apiKey.scope } };
}

let defaultActor: Promise<Actor> | undefined;

/** Opens a ticket through the real use-case, by default for a new customer. */
export async function createTestTicket(
  options: {
    actor?: Actor;
    subject?: string;
    channel?: ChannelKind;
    customer?: { email: string; name?: string };
    body?: string;
  } = {},
): Promise<TicketWithMessages> {
  const actor = options.actor ?? (await (defaultActor ??= createTestApiKey({ name: "test factory" }).then((k) => k.actor)));
  return createTicket(actor, {
    subject: options.subject ?? `Test ticket ${uniqueSuffix()}`,
    channel: options.channel ?? "email",
    customer: options.customer ?? { email: uniqueEmail("customer"), name: "Test Customer" },
    message: { body: options.body ?? "Hello, I need help." },
  });
}

/** An email channel with an address of its own (support-<unique>@acme.test). */
export async function createTestEmailChannel(settings: Partial<EmailChannelSettings> = {}): Promise<EmailChannel> {
  const [channel] = await db()
    .insert(channels)
    .values({
      kind: "email",
      name: `Support ${uniqueSuffix()}`,
      settings: { address: `support-${uniqueSuffix()}@acme.test`, displayName: "Acme Support", ...settings },
    })
    .returning();
  return channel as EmailChannel;
}

/** A word of letters only, unique to its caller: for names that typo-tolerant search must tell apart. */
export function uniqueWord(prefix = ""): string {
  return prefix + [...uniqueSuffix()].map((c) => "abcdefghijklmnop"[parseInt(c, 16)]).join("");
}

/** A customer with an identity for each of its email, phone and external id. */
export async function createTestCustomer(
  options: { name?: string | null; email?: string; phone?: string; externalId?: string } = {},
): Promise<Customer> {
  const email = options.email ?? uniqueEmail("customer");
  return db().transaction(async (tx) => {
    const [customer] = await tx
      .insert(customers)
      .values({ name: options.name === undefined ? "Test Customer" : options.name, email, phone: options.phone ?? null })
      .returning();
    const identities = [
      { kind: "email" as const, value: email },
      ...(options.phone ? [{ kind: "phone" as const, value: options.phone }] : []),
      ...(options.externalId ? [{ kind: "external_id" as const, value: options.externalId }] : []),
    ];
    await tx.insert(customerIdentities).values(identities.map((identity) => ({ ...identity, customerId: customer!.id })));
    return customer!;
  });
}
