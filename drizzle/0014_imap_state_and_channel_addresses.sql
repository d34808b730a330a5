CREATE TABLE "email_channel_addresses" (
	"address" text PRIMARY KEY NOT NULL,
	"channel_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imap_mailbox_states" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"uid_validity" bigint,
	"last_uid" bigint DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'connecting' NOT NULL,
	"last_fetch_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"imported" integer DEFAULT 0 NOT NULL,
	"lease_holder" text,
	"lease_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_channel_addresses" ADD CONSTRAINT "email_channel_addresses_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imap_mailbox_states" ADD CONSTRAINT "imap_mailbox_states_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_channel_addresses_channel_idx" ON "email_channel_addresses" USING btree ("channel_id");--> statement-breakpoint
INSERT INTO "email_channel_addresses" ("address", "channel_id")
SELECT DISTINCT ON (address) address, id FROM (
  SELECT lower("settings"->>'address') AS address, "id", "created_at" FROM "channels" WHERE "kind" = 'email' AND "settings" ? 'address'
  UNION ALL
  SELECT lower(alias), "id", "created_at" FROM "channels", jsonb_array_elements_text(coalesce("settings"->'aliases', '[]'::jsonb)) AS alias WHERE "kind" = 'email'
) AS addresses
ORDER BY address, "created_at"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The channel's settings stay the one place its addresses are written; this keeps the
-- address list in step, whatever code path writes a channel, and its primary key refuses
-- an address another channel already answers to.
CREATE FUNCTION "email_channel_addresses_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "email_channel_addresses" WHERE "channel_id" = NEW."id";
  IF NEW."kind" = 'email' THEN
    INSERT INTO "email_channel_addresses" ("address", "channel_id")
    SELECT DISTINCT lower(address), NEW."id" FROM (
      SELECT NEW."settings"->>'address' AS address
      UNION ALL
      SELECT jsonb_array_elements_text(coalesce(NEW."settings"->'aliases', '[]'::jsonb))
    ) AS addresses
    WHERE address IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "channels_email_addresses_sync" AFTER INSERT OR UPDATE OF "settings", "kind" ON "channels"
FOR EACH ROW EXECUTE FUNCTION "email_channel_addresses_sync"();
