import { integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, index } from "drizzle-orm/pg-core";
import { csvImportKinds, type CsvImportMapping } from "../../imports/csv-import.validation";
import { users } from "./users";

export const csvImportKind = pgEnum("csv_import_kind", csvImportKinds);
export const csvImportStatuses = ["mapping", "queued", "running", "done", "failed"] as const;
export type CsvImportStatus = (typeof csvImportStatuses)[number];
export const csvImportStatus = pgEnum("csv_import_status", csvImportStatuses);

export type CsvImportRowError = { line: number; message: string };

// A CSV file of customers or past touchpoints an admin uploaded (Settings → Import): kept
// in lib/storage, mapped column by column, then read by a background job
// (lib/imports/csv-import-job.ts) that records its progress and each bad row here.
export const csvImports = pgTable(
  "csv_imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: csvImportKind().notNull(),
    fileName: text().notNull(),
    storageKey: text().notNull(),
    headers: text().array().notNull(),
    // The first rows, shown beside the mapping.
    sampleRows: jsonb().$type<string[][]>().notNull(),
    rowCount: integer().notNull(),
    mapping: jsonb().$type<CsvImportMapping>(),
    status: csvImportStatus().notNull().default("mapping"),
    processedRows: integer().notNull().default(0),
    // Customers or touchpoints the import added; rows already known (a second import of
    // the same file) count as unchanged.
    addedRows: integer().notNull().default(0),
    unchangedRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    // The first bad rows with the reason (all are counted in errorRows).
    errors: jsonb().$type<CsvImportRowError[]>().notNull().default([]),
    failureReason: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("csv_imports_created_at_idx").on(t.createdAt)],
);

export type CsvImport = typeof csvImports.$inferSelect;
