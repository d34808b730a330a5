import { index, pgTable, text } from "drizzle-orm/pg-core";

// Every word of every customer's name, once (give or take a concurrent duplicate), for
// typo-tolerant search: a misspelt query word is corrected against this small table with
// pg_trgm, then customers are found by the corrected words through the trigram index on
// their names. Trigram similarity straight over a million names reads huge candidate sets
// (seconds); this is the approach the pg_trgm documentation recommends. Kept current by
// triggers on customers (drizzle/ migration "customer_search"), whoever writes the name.
export const customerSearchWords = pgTable(
  "customer_search_words",
  { word: text().notNull() },
  (t) => [
    index("customer_search_words_word_idx").on(t.word),
    index("customer_search_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")),
  ],
);
