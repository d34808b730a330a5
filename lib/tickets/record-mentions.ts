import { inArray } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { mentions, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Stores who a note mentions, in the note's transaction. Everyone named must be an active
 * teammate: a deactivated person (or an id that is nobody) refuses the whole note, so the
 * writer learns it instead of someone never hearing. Answers the ids, without repeats.
 */
export async function recordMentions(
  tx: Transaction,
  note: { ticketId: string; messageId: string; userIds: string[] },
): Promise<string[]> {
  const userIds = [...new Set(note.userIds)];
  const people = await tx.select({ id: users.id, name: users.name, active: users.active }).from(users).where(inArray(users.id, userIds));
  const inactive = people.filter((person) => !person.active);
  if (inactive.length > 0 || people.length !== userIds.length) {
    const names = inactive.map((person) => person.name);
    const message =
      names.length > 0
        ? `${names.join(", ")} ${names.length === 1 ? "is" : "are"} deactivated and can't be mentioned`
        : "Someone mentioned is not a teammate";
    throw new AppError("validation_failed", message, [{ path: "mentions", message }]);
  }
  await tx.insert(mentions).values(userIds.map((userId) => ({ userId, ticketId: note.ticketId, messageId: note.messageId })));
  return userIds;
}
