import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import type { CustomerSearchResult, SearchField } from "./customer-search-result";
import type { CustomerSearchQuery } from "./customer-search.validation";

// Data access only. Every branch is a trigram-index scan with a LIMIT (plan-tested in
// search-customers-plan.test.ts), so a search costs the same at a million customers as
// at a hundred: candidates are capped per branch and only they are ranked.

/** How many rows each branch may hand to the ranking: enough to rank well, bounded at any size. */
const candidatesPerBranch = 50;

/** Words shorter than this have no trigram of their own to correct a typo with. */
const minFuzzyWordLength = 3;

type Row = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  field: SearchField;
  value: string;
};

/**
 * Customers matching `q` by name, email, phone, external id or company name: first every literal match
 * (exact, then prefix, then any part; one- and two-letter queries match the start of a
 * word only), then, when those do not fill the page, names matching a typo-corrected query.
 */
export async function searchCustomers(q: Queryable, query: CustomerSearchQuery): Promise<CustomerSearchResult[]> {
  const text = query.q.trim();
  const literal = await literalMatches(q, text, query.limit);
  if (literal.length >= query.limit) return literal;
  const seen = new Set(literal.map((customer) => customer.id));
  const fuzzy = await fuzzyNameMatches(q, text, query.limit);
  return [...literal, ...fuzzy.filter((customer) => !seen.has(customer.id))].slice(0, query.limit);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** "+1 (415) 555-0101" is looked up by its digits, the way phone identities are stored. */
function phoneDigits(text: string): string | null {
  if (!/^[\d\s()+.-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  return digits.length >= 3 ? digits : null;
}

/**
 * An email address or an id is typed from its start ("maria@ac", "cus_8F2"): such a query
 * (one word holding "@" or a digit) finds identities by prefix through a text_pattern_ops
 * b-tree. Containment through trigrams would read the posting lists of trigrams every
 * address shares ("cus", "tom", "@ex"...), which at a million customers takes a tenth of a
 * second. Emails are stored lower-cased; ids as sent.
 */
function identityPrefixMatch(text: string): SQL | null {
  if (!/^\S+$/.test(text) || !/[@\d]/.test(text)) return null;
  const prefixes = [...new Set([text, text.toLowerCase()])].map((prefix) => sql`value like ${`${escapeLike(prefix)}%`}`);
  // Exactly the prefix index's predicate; containment below says "<>" and never matches it.
  return sql`kind in ('email', 'phone', 'external_id') and (${sql.join(prefixes, sql` or `)})`;
}

/** A LIKE condition on `column` that the trigram index can serve. */
function matches(column: SQL, text: string): SQL {
  const escaped = escapeLike(text);
  // Under three characters there is no trigram inside the text, only the ones padded at
  // a word's start: "ma" finds "Maria Lopez" and "Tom Mason", never "Thomas".
  if (text.length < minFuzzyWordLength) return sql`(${column} ilike ${`${escaped}%`} or ${column} ilike ${`% ${escaped}%`})`;
  return sql`${column} ilike ${`%${escaped}%`}`;
}

async function literalMatches(q: Queryable, text: string, limit: number): Promise<CustomerSearchResult[]> {
  const escaped = escapeLike(text);
  const digits = phoneDigits(text);
  // Anonymous ids are random strings nobody types. Written as "<>" so that the planner
  // never reads every identity of a kind through (kind, value) instead of the trigrams.
  const identityMatch = digits
    ? sql`kind <> 'anonymous_id' and value like ${`%${digits}%`}`
    : (identityPrefixMatch(text) ?? sql`kind <> 'anonymous_id' and ${matches(sql`value`, text)}`);
  const rows = await q.execute<Row>(sql`
    with hits as (
      (select id as customer_id, 'name' as field, name as value from customers
        where ${matches(sql`name`, text)} and merged_into_id is null limit ${candidatesPerBranch})
      union all
      (select customer_id, kind::text, value from customer_identities
        where ${identityMatch} limit ${candidatesPerBranch})
      union all
      (select member.id, 'company', company.name
        from (select id, name from companies where ${matches(sql`name`, text)} limit ${candidatesPerBranch}) company
        join customers member on member.company_id = company.id and member.merged_into_id is null
        limit ${candidatesPerBranch})
    ), best as (
      select distinct on (customer_id) customer_id, field, value,
        case
          when lower(value) = lower(${text}) then 3
          when value ilike ${`${escaped}%`} then 2
          when value ilike ${`% ${escaped}%`} then 1
          else 0
        end as rank,
        similarity(value, ${text}) as closeness
      from hits
      order by customer_id, rank desc, closeness desc
    )
    select c.id, c.name, c.email, c.phone, company.name as company, best.field, best.value
    from best
    join customers c on c.id = best.customer_id and c.merged_into_id is null
    left join companies company on company.id = c.company_id
    order by best.rank desc, best.closeness desc, c.created_at desc, c.id
    limit ${limit}
  `);
  return rows.map(toResult);
}

/**
 * Corrects each word of the query against the words of all names (a small table), then
 * finds names holding a correction of every word: "mria lopz" finds Maria Lopez.
 */
async function fuzzyNameMatches(q: Queryable, text: string, limit: number): Promise<CustomerSearchResult[]> {
  const words = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))]
    .filter((word) => word.length >= minFuzzyWordLength)
    .slice(0, 4);
  if (words.length === 0) return [];
  const corrections = await q.execute<{ ord: number; word: string }>(sql`
    select typed.ord, best.word
    from unnest(array[${sql.join(words.map((word) => sql`${word}`), sql`, `)}]::text[]) with ordinality as typed(word, ord)
    cross join lateral (
      select word from (select distinct word from customer_search_words where word % typed.word) candidates
      order by word <-> typed.word limit 3
    ) best
  `);
  // A word with no correction is left out (it may be part of an email, say); the others must all match.
  const conditions = words.flatMap((_, index) => {
    const options = corrections.filter((c) => Number(c.ord) === index + 1).map((c) => c.word);
    return options.length ? [sql`(${sql.join(options.map((o) => sql`name ilike ${`%${escapeLike(o)}%`}`), sql` or `)})`] : [];
  });
  if (conditions.length === 0) return [];
  const rows = await q.execute<Row>(sql`
    select candidates.id, candidates.name, email, phone, company.name as company, 'name' as field,
      candidates.name as value
    from (
      select * from customers
      where ${sql.join(conditions, sql` and `)} and merged_into_id is null
      limit ${candidatesPerBranch}
    ) candidates
    left join companies company on company.id = candidates.company_id
    order by similarity(candidates.name, ${text}) desc, candidates.created_at desc, candidates.id
    limit ${limit}
  `);
  return rows.map(toResult);
}

function toResult(row: Row): CustomerSearchResult {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    match: { field: row.field, value: row.value },
  };
}
