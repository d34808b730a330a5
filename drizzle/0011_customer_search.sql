CREATE TABLE "customer_lookups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_search_words" (
	"word" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_lookups" ADD CONSTRAINT "customer_lookups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_lookups" ADD CONSTRAINT "customer_lookups_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_lookups_recent_idx" ON "customer_lookups" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "customer_search_words_word_idx" ON "customer_search_words" USING btree ("word");--> statement-breakpoint
CREATE INDEX "customer_search_words_trgm_idx" ON "customer_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_identities_value_trgm_idx" ON "customer_identities" USING gin ("value" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);;--> statement-breakpoint
-- Keeps customer_search_words holding every word of every customer name, whoever writes
-- the name (identify, the API, CSV import). Statement-level on insert so a bulk import
-- adds its words in one go; no unique index, so concurrent writers never wait on each
-- other for a word (a rare duplicate is harmless: searches read distinct words).
CREATE FUNCTION customer_search_words_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search_words (word)
  SELECT DISTINCT w FROM added, regexp_split_to_table(lower(added.name), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40
    AND NOT EXISTS (SELECT 1 FROM customer_search_words s WHERE s.word = w);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_search_words_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION customer_search_words_add_inserted();--> statement-breakpoint
CREATE FUNCTION customer_search_words_add_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search_words (word)
  SELECT DISTINCT w FROM regexp_split_to_table(lower(NEW.name), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40
    AND NOT EXISTS (SELECT 1 FROM customer_search_words s WHERE s.word = w);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_search_words_rename AFTER UPDATE OF name ON customers
  FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION customer_search_words_add_renamed();--> statement-breakpoint
INSERT INTO customer_search_words (word)
SELECT DISTINCT w FROM customers, regexp_split_to_table(lower(customers.name), '[^[:alnum:]]+') AS w
WHERE length(w) BETWEEN 3 AND 40;
