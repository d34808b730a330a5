import { eq } from "drizzle-orm";
import { z } from "zod";
import { claimIdentity, findCustomerByIdentity } from "@/lib/customers/customer-identities";
import { mergeCustomersInTransaction, type MergeResult } from "@/lib/customers/merge-customers";
import { findOrCreateCustomerByEmail } from "@/lib/customers/find-or-create-customer";
import { db, type Transaction } from "@/lib/db/client";
import { customers, type Customer } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publish } from "@/lib/events/event-bus";
import type { ChatChannel } from "./chat-channel";
import { verifyIdentityToken, type VerifiedIdentity } from "./identity-token";
import { signVisitorToken, verifyVisitorToken } from "./visitor-token";
import { WidgetRefusal, type Visitor } from "./visitor";

export const visitorAuth = z.object({
  key: z.string().min(1).max(100),
  anonymousId: z.uuid(),
  token: z.string().max(2000).optional(),
  identity: z.string().max(4000).optional(),
  // With `identity`: the token this browser held while it was anonymous, proof that the
  // anonymous visitor's conversations are this person's to take along.
  anonymousToken: z.string().max(2000).optional(),
});

export type VisitorAuth = z.infer<typeof visitorAuth>;

/**
 * Decides who a widget connection is, before it may do anything:
 * 1. an identity the website signed (a bad one is refused, never downgraded to anonymous);
 * 2. else our own visitor token, valid only for this channel and this anonymous id;
 * 3. else a new anonymous visitor — unless the channel requires identity — whose anonymous
 *    id must be unused: knowing someone's anonymous id alone opens nothing.
 * Returns the visitor and a fresh token for the page to keep.
 */
export async function openVisitorSession(
  channel: ChatChannel,
  auth: VisitorAuth,
  address: string,
): Promise<{ visitor: Visitor; token: string; customer: Customer }> {
  if (auth.identity) {
    const result = channel.identitySecret ? await verifyIdentityToken(auth.identity, channel.identitySecret) : null;
    if (!result?.ok) throw new WidgetRefusal("identity_invalid");
    const { customer, merge } = await db().transaction(async (tx) => {
      const identified = await findOrCreateIdentifiedCustomer(tx, result.identity);
      return { customer: identified, merge: await adoptAnonymousVisitor(tx, channel, auth, identified.id) };
    });
    if (merge) publish({ type: "customer.merged", survivorId: merge.survivorId, mergedId: merge.mergedId });
    return session(channel, auth, customer, true, address);
  }

  const claims = auth.token ? verifyVisitorToken(auth.token, { channelId: channel.id, anonymousId: auth.anonymousId }) : null;
  if (claims && !(channel.settings.requireIdentity && !claims.identified)) {
    const [customer] = await db().select().from(customers).where(eq(customers.id, claims.customerId));
    if (customer) return session(channel, auth, customer, claims.identified, address);
  }
  if (channel.settings.requireIdentity) throw new WidgetRefusal("identity_required");

  const customer = await db().transaction(async (tx) => {
    const [created] = await tx.insert(customers).values({}).returning();
    if (await claimIdentity(tx, created!.id, "anonymous_id", auth.anonymousId)) return created!;
    return null;
  });
  if (!customer) throw new WidgetRefusal("anonymous_id_taken");
  return session(channel, auth, customer, false, address);
}

function session(channel: ChatChannel, auth: VisitorAuth, customer: Customer, identified: boolean, address: string) {
  const visitor: Visitor = { channelId: channel.id, customerId: customer.id, anonymousId: auth.anonymousId, identified, address };
  return { visitor, customer, token: signVisitorToken(visitor) };
}

/**
 * The customer the website vouches for: by its user id first, else by the (signed) email,
 * else a new one. The site's user id becomes the customer's external id.
 */
async function findOrCreateIdentifiedCustomer(tx: Transaction, identity: VerifiedIdentity): Promise<Customer> {
  const known = await findCustomerByIdentity(tx, "external_id", identity.userId);
  if (known) return known;
  const customer = identity.email
    ? await findOrCreateCustomerByEmail(tx, { email: identity.email, name: identity.name })
    : (await tx.insert(customers).values({ name: identity.name }).returning())[0]!;
  if (await claimIdentity(tx, customer.id, "external_id", identity.userId)) return customer;
  // Another connection linked this user id at the same moment: theirs stands.
  return (await findCustomerByIdentity(tx, "external_id", identity.userId))!;
}

/**
 * An anonymous visitor who signs in on the website becomes the customer the site vouches
 * for, taking their chats and page views along (the customers merge, recorded and
 * undoable like any merge). Only with our own token for that anonymous visitor on this
 * channel: an anonymous id alone, which any page script can read, proves nothing.
 */
async function adoptAnonymousVisitor(tx: Transaction, channel: ChatChannel, auth: VisitorAuth, customerId: string): Promise<MergeResult | null> {
  const claims = auth.anonymousToken ? verifyVisitorToken(auth.anonymousToken, { channelId: channel.id, anonymousId: auth.anonymousId }) : null;
  if (!claims || claims.identified || claims.customerId === customerId) return null;
  const [anonymous] = await tx.select({ mergedIntoId: customers.mergedIntoId }).from(customers).where(eq(customers.id, claims.customerId));
  if (!anonymous || anonymous.mergedIntoId) return null;
  try {
    return await mergeCustomersInTransaction(tx, { type: "system", name: `Chat widget “${channel.name}”` }, {
      survivorId: customerId,
      mergedId: claims.customerId,
      reason: "identify",
    });
  } catch (error) {
    // Another tab of the same browser merged it a moment ago (the merge re-checks under lock).
    if (error instanceof AppError && error.code === "conflict") return null;
    throw error;
  }
}
