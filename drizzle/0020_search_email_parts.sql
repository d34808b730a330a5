-- An email address is one word to the parser ("maria.lopez@acme.com"): its parts are
-- added too, so "lopez" or "acme" find the customer's tickets.
CREATE OR REPLACE FUNCTION tickets_initial_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := NEW.search_vector || ticket_search_words(
    NEW.subject || ' ' || coalesce((
      SELECT coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || translate(coalesce(email, ''), '@.-_+', '     ')
      FROM customers WHERE id = NEW.customer_id), ''));
  RETURN NEW;
END $$;
--> statement-breakpoint
UPDATE tickets t SET search_vector = t.search_vector || ticket_search_words(translate(c.email, '@.-_+', '     '))
  FROM customers c WHERE c.id = t.customer_id AND c.email IS NOT NULL;
