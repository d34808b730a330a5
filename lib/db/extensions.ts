// The PostgreSQL extensions Touchbase uses, in one place. The embedded server creates them
// as its superuser before migrations run (lib/db/embedded.ts), since the app's role is not
// a superuser; a migration that needs one still says `create extension if not exists`, for
// servers given by DATABASE_URL. All three are "trusted" extensions from PostgreSQL 13 on,
// which a database owner may create too.
export const requiredExtensions = ["pg_trgm", "unaccent", "citext"] as const;
