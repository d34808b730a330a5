import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { outboundEmails } from "@/lib/db/schema";

/** The outbound mail the app queued for one message, read from the real database. */
export async function outboundEmailsFor(messageId: string) {
  return db().select().from(outboundEmails).where(eq(outboundEmails.messageId, messageId));
}
