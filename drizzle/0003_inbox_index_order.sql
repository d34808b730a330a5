DROP INDEX "tickets_assignee_idx";--> statement-breakpoint
DROP INDEX "tickets_inbox_idx";--> statement-breakpoint
DROP INDEX "tickets_status_inbox_idx";--> statement-breakpoint
CREATE INDEX "tickets_assignee_inbox_idx" ON "tickets" USING btree ("assignee_id","last_message_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_inbox_idx" ON "tickets" USING btree ("last_message_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_status_inbox_idx" ON "tickets" USING btree ("status","last_message_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);