import { sql, type AnyColumn } from "drizzle-orm";

/**
 * A timestamp column as an ISO string that keeps PostgreSQL's microseconds, for keyset
 * cursors: a millisecond ISO string would skip rows that differ only below a millisecond.
 */
export function microsecondIso(column: AnyColumn) {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
