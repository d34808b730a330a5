import { actorColumns, type AuditActor } from "@/lib/auth/actor";
import type { Transaction } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export type AuditAction =
  | "teammate.added"
  | "teammate.joined"
  | "teammate.role_changed"
  | "teammate.deactivated"
  | "teammate.reactivated"
  | "api_key.created"
  | "api_key.revoked"
  | "channel.created"
  | "channel.addresses_changed"
  | "channel.updated"
  | "channel.identity_secret_revealed"
  | "channel.identity_secret_rotated"
  | "customer.merged"
  | "customer.unmerged"
  | "team.created"
  | "team.members_changed";

export type AuditEntry = {
  action: AuditAction;
  target: { type: "user" | "api_key" | "channel" | "customer" | "team"; id: string; name: string };
  data?: Record<string, unknown>;
};

/** Records a settings change inside the transaction that makes it: both happen, or neither. */
export async function recordAudit(tx: Transaction, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    action: entry.action,
    ...actorColumns(actor),
    actorName: actor.name,
    targetType: entry.target.type,
    targetId: entry.target.id,
    targetName: entry.target.name,
    data: entry.data ?? {},
  });
}
