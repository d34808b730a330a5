/**
 * Whether a query failed because a row already holds this unique index's value
 * (PostgreSQL 23505). Drizzle wraps the driver's error, so the chain of causes is searched.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, constraint_name } = current as Error & { code?: string; constraint_name?: string };
    if (code === "23505") return constraint_name === constraint;
  }
  return false;
}

/** The value a unique violation clashed on, from PostgreSQL's "Key (column)=(value) already exists." */
export function conflictingValue(error: unknown): string | null {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, detail } = current as Error & { code?: string; detail?: string };
    if (code === "23505") return /^Key \([^)]*\)=\((.*)\) already exists\.?$/.exec(detail ?? "")?.[1] ?? null;
  }
  return null;
}
