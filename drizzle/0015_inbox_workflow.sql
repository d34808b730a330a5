ALTER TYPE "public"."ticket_status" ADD VALUE 'snoozed' BEFORE 'resolved';--> statement-breakpoint
ALTER TYPE "public"."ticket_status" ADD VALUE 'closed';--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_counts" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "inbox_counts_dimension_key_pk" PRIMARY KEY("dimension","key")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "search_vector" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_key" ON "teams" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "saved_views_owner_idx" ON "saved_views" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "saved_views_team_idx" ON "saved_views" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_status_assignee_inbox_idx" ON "tickets" USING btree ("status","assignee_id","last_message_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_status_team_inbox_idx" ON "tickets" USING btree ("status","team_id","last_message_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_status_channel_inbox_idx" ON "tickets" USING btree ("status","channel","last_message_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_tags_idx" ON "tickets" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "tickets_search_idx" ON "tickets" USING gin ("search_vector");--> statement-breakpoint
-- The words a ticket is found by: its subject, its customer's name and email and its
-- messages' bodies. One definition for the app, the backfill and bench data.
CREATE FUNCTION ticket_search_words(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT strip(to_tsvector('english'::regconfig, left(coalesce(body, ''), 100000))) $$;
--> statement-breakpoint
UPDATE "tickets" t SET "search_vector" = ticket_search_words(
    t.subject || ' ' || coalesce(c.name, '') || ' ' || coalesce(c.email, '')
  ) || coalesce((SELECT ticket_search_words(string_agg(m.body_text, ' ')) FROM messages m WHERE m.ticket_id = t.id), ''::tsvector)
  FROM customers c WHERE c.id = t.customer_id;
--> statement-breakpoint
-- Sidebar counts of open tickets per view, kept exact by one statement-level trigger: a
-- bulk update of thousands of tickets writes each counter once, and an update that moves
-- no ticket in or out of a view (a new message) writes none. Counters are upserted in key
-- order so that concurrent writers queue on them instead of deadlocking.
CREATE FUNCTION inbox_count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each statement names only the transition tables its operation has (plpgsql plans a
  -- statement when it first runs it).
  IF TG_OP = 'INSERT' THEN
    INSERT INTO inbox_counts AS counts (dimension, key, count)
    WITH counted AS (SELECT assignee_id, channel, team_id, tags, 1 AS delta FROM new_rows WHERE status = 'open')
    SELECT dimension, key, sum(delta) FROM (
      SELECT 'open' AS dimension, '' AS key, delta FROM counted
      UNION ALL SELECT 'assignee', coalesce(assignee_id::text, 'none'), delta FROM counted
      UNION ALL SELECT 'channel', channel::text, delta FROM counted
      UNION ALL SELECT 'team', coalesce(team_id::text, 'none'), delta FROM counted
      UNION ALL SELECT 'tag', tag, delta FROM counted, unnest(tags) AS tag
    ) AS changes
    GROUP BY dimension, key
    HAVING sum(delta) <> 0
    ORDER BY dimension, key
  ON CONFLICT (dimension, key) DO UPDATE SET count = counts.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO inbox_counts AS counts (dimension, key, count)
    WITH counted AS (SELECT assignee_id, channel, team_id, tags, -1 AS delta FROM old_rows WHERE status = 'open')
    SELECT dimension, key, sum(delta) FROM (
      SELECT 'open' AS dimension, '' AS key, delta FROM counted
      UNION ALL SELECT 'assignee', coalesce(assignee_id::text, 'none'), delta FROM counted
      UNION ALL SELECT 'channel', channel::text, delta FROM counted
      UNION ALL SELECT 'team', coalesce(team_id::text, 'none'), delta FROM counted
      UNION ALL SELECT 'tag', tag, delta FROM counted, unnest(tags) AS tag
    ) AS changes
    GROUP BY dimension, key
    HAVING sum(delta) <> 0
    ORDER BY dimension, key
  ON CONFLICT (dimension, key) DO UPDATE SET count = counts.count + excluded.count;
  ELSE
    -- Most updates (a message, a preview) touch no counted field: nothing is written.
    INSERT INTO inbox_counts AS counts (dimension, key, count)
    WITH moved AS (
      SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status = 'open' OR n.status = 'open')
        AND (o.status IS DISTINCT FROM n.status OR o.assignee_id IS DISTINCT FROM n.assignee_id
          OR o.channel IS DISTINCT FROM n.channel OR o.team_id IS DISTINCT FROM n.team_id OR o.tags IS DISTINCT FROM n.tags)
    ), counted AS (
      SELECT assignee_id, channel, team_id, tags, 1 AS delta FROM new_rows WHERE status = 'open' AND id IN (SELECT id FROM moved)
      UNION ALL
      SELECT assignee_id, channel, team_id, tags, -1 FROM old_rows WHERE status = 'open' AND id IN (SELECT id FROM moved)
    )
    SELECT dimension, key, sum(delta) FROM (
      SELECT 'open' AS dimension, '' AS key, delta FROM counted
      UNION ALL SELECT 'assignee', coalesce(assignee_id::text, 'none'), delta FROM counted
      UNION ALL SELECT 'channel', channel::text, delta FROM counted
      UNION ALL SELECT 'team', coalesce(team_id::text, 'none'), delta FROM counted
      UNION ALL SELECT 'tag', tag, delta FROM counted, unnest(tags) AS tag
    ) AS changes
    GROUP BY dimension, key
    HAVING sum(delta) <> 0
    ORDER BY dimension, key
  ON CONFLICT (dimension, key) DO UPDATE SET count = counts.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_inbox_counts_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION inbox_count_changes();
--> statement-breakpoint
CREATE TRIGGER tickets_inbox_counts_update AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION inbox_count_changes();
--> statement-breakpoint
CREATE TRIGGER tickets_inbox_counts_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION inbox_count_changes();
--> statement-breakpoint
INSERT INTO inbox_counts (dimension, key, count)
  SELECT dimension, key, count(*) FROM (
    SELECT 'open' AS dimension, '' AS key FROM tickets WHERE status = 'open'
    UNION ALL SELECT 'assignee', coalesce(assignee_id::text, 'none') FROM tickets WHERE status = 'open'
    UNION ALL SELECT 'channel', channel::text FROM tickets WHERE status = 'open'
    UNION ALL SELECT 'team', 'none' FROM tickets WHERE status = 'open'
    UNION ALL SELECT 'tag', tag FROM tickets, unnest(tags) AS tag WHERE status = 'open'
  ) AS open_tickets
  GROUP BY dimension, key;
--> statement-breakpoint
-- Every way a ticket is made (API, mail, chat, calls, demo data) starts its words from its
-- subject and customer; messages add theirs in lib/tickets/append-message.ts.
CREATE FUNCTION tickets_initial_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := NEW.search_vector || ticket_search_words(
    NEW.subject || ' ' || coalesce((SELECT coalesce(name, '') || ' ' || coalesce(email, '') FROM customers WHERE id = NEW.customer_id), ''));
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_initial_search_words BEFORE INSERT ON tickets
  FOR EACH ROW EXECUTE FUNCTION tickets_initial_search_words();
