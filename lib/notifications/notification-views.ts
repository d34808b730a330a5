import type { NotificationKind } from "@/lib/db/schema";

/** One entry under the bell, as the UI, the API and realtime events show it. */
export type NotificationView = {
  id: string;
  kind: NotificationKind;
  ticket: { id: string; number: number; subject: string };
  /** Who mentioned or assigned; null when they have since been removed. */
  actor: { id: string; name: string } | null;
  /** For a mention: the start of the note. */
  excerpt: string | null;
  createdAt: string;
  readAt: string | null;
};
