CREATE TYPE "public"."inbound_email_status" AS ENUM('received', 'ticket', 'ignored', 'failed');--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"content_id" text,
	"inline" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_threads" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"cc_addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"storage_key" text NOT NULL,
	"size" integer NOT NULL,
	"source" text NOT NULL,
	"envelope_from" text,
	"envelope_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "inbound_email_status" DEFAULT 'received' NOT NULL,
	"kind" text,
	"reason" text,
	"ticket_id" uuid,
	"message_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbound_emails" ALTER COLUMN "message_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_identities" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer_identities" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
UPDATE "outbound_emails" SET "ticket_id" = "messages"."ticket_id" FROM "messages" WHERE "messages"."id" = "outbound_emails"."message_id";--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "state" "delivery_state" DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "from_address" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "cc_addresses" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "rfc_message_id" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "in_reply_to" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "references" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "auto_submitted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_threads" ADD CONSTRAINT "email_threads_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_message_idx" ON "attachments" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_channel_dedupe_key" ON "inbound_emails" USING btree ("channel_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "inbound_emails_unprocessed_idx" ON "inbound_emails" USING btree ("received_at") WHERE "inbound_emails"."status" = 'received';--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_emails_auto_idx" ON "outbound_emails" USING btree ("to_address","created_at") WHERE "outbound_emails"."auto_submitted";--> statement-breakpoint
-- Hand-written: one email channel per support address, whatever its case.
CREATE UNIQUE INDEX "channels_email_address_key" ON "channels" (lower("settings"->>'address')) WHERE "kind" = 'email';