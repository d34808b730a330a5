CREATE TYPE "public"."call_direction" AS ENUM('inbound', 'outbound');--> statement-breakpoint
CREATE TYPE "public"."call_status" AS ENUM('queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled');--> statement-breakpoint
CREATE TABLE "phone_call_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_sid" text,
	"channel_id" uuid,
	"ticket_id" uuid,
	"customer_id" uuid,
	"direction" "call_direction" NOT NULL,
	"from_number" text NOT NULL,
	"to_number" text NOT NULL,
	"status" "call_status" NOT NULL,
	"duration_seconds" integer,
	"answered" boolean DEFAULT false NOT NULL,
	"voicemail" boolean DEFAULT false NOT NULL,
	"notes" text,
	"logged_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "call" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "call_back_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "phone_call_events" ADD CONSTRAINT "phone_call_events_call_id_phone_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."phone_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_logged_by_user_id_users_id_fk" FOREIGN KEY ("logged_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "phone_call_events_call_key_key" ON "phone_call_events" USING btree ("call_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_calls_call_sid_key" ON "phone_calls" USING btree ("call_sid") WHERE "phone_calls"."call_sid" is not null;--> statement-breakpoint
CREATE INDEX "phone_calls_ticket_idx" ON "phone_calls" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_phone_number_key" ON "channels" USING btree (("settings"->>'phoneNumber')) WHERE "channels"."kind" = 'phone';--> statement-breakpoint
CREATE INDEX "tickets_call_back_inbox_idx" ON "tickets" USING btree ("last_message_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "tickets"."call_back_requested_at" is not null;