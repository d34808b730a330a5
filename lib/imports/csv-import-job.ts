import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { userActor } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { csvImports, users, type CsvImport, type CsvImportRowError } from "@/lib/db/schema";
import { defineJob } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/logger";
import { blobStore } from "@/lib/storage/storage";
import { ingestInTransaction, publishIngested, type Ingested, type IngestCall } from "@/lib/timeline/ingest-segment-calls";
import { csvRowToCall } from "./csv-import-rows";
import { parseCsv } from "./parse-csv";

/** Rows per transaction: progress moves in steps this big. */
const chunkSize = 250;
/** Bad rows kept with their reason; all are counted. */
const maxReportedErrors = 500;

export const importSource = "import";

/**
 * Reads an import's file in chunks; each chunk's rows are ingested and its progress
 * (rows done, added, unchanged, bad rows) written in one transaction, so a crash resumes
 * after the last whole chunk. Ingest dedupes on identities and messageIds, so a chunk
 * that runs twice adds nothing.
 */
export const csvImportJob = defineJob<{ importId: string }>({
  name: "csv-import",
  retryLimit: 3,
  retryDelaySeconds: 5,
  expireInSeconds: 30 * 60,
  async run({ importId }) {
    const [found] = await db().select().from(csvImports).where(eq(csvImports.id, importId));
    if (!found || found.status === "done" || found.status === "failed" || !found.mapping) return;
    try {
      await runImport(found);
    } catch (error) {
      logger.error("CSV import failed", { importId, error });
      await db()
        .update(csvImports)
        .set({ status: "failed", failureReason: "The import stopped on an unexpected error; the rows done so far are kept.", finishedAt: new Date(), updatedAt: new Date() })
        .where(eq(csvImports.id, importId));
    }
  },
});

async function runImport(found: CsvImport) {
  const mapping = found.mapping!;
  const actor = await importActor(found);
  await db().update(csvImports).set({ status: "running", updatedAt: new Date() }).where(eq(csvImports.id, found.id));
  const rows = parseCsv((await blobStore().get(found.storageKey)).toString("utf8")).slice(1);
  for (let start = found.processedRows; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const calls: IngestCall[] = [];
    const errors: CsvImportRowError[] = [];
    for (const row of chunk) {
      const result = csvRowToCall(found.kind, found.headers, mapping, row);
      if ("error" in result) errors.push({ line: row.line, message: result.error });
      else calls.push(result.call);
    }
    const ingested: Ingested = await db().transaction(async (tx) => {
      const done = await ingestInTransaction(tx, actor, calls, { receivedAt: new Date(), source: importSource });
      const added = found.kind === "customers" ? done.result.customersCreated : done.result.touchpoints;
      await tx.execute(sql`
        update csv_imports set processed_rows = ${start + chunk.length}, added_rows = added_rows + ${added},
          unchanged_rows = unchanged_rows + ${calls.length - added}, error_rows = error_rows + ${errors.length},
          errors = case when jsonb_array_length(errors) >= ${maxReportedErrors} then errors
            else errors || ${JSON.stringify(errors.slice(0, maxReportedErrors))}::jsonb end,
          updated_at = now()
        where id = ${found.id}`);
      return done;
    });
    publishIngested(ingested);
  }
  await db().update(csvImports).set({ status: "done", finishedAt: new Date(), updatedAt: new Date() }).where(eq(csvImports.id, found.id));
}

/** The admin who started the import: merges it causes are theirs in the audit log. */
async function importActor(found: CsvImport): Promise<Actor> {
  const [user] = found.createdById ? await db().select().from(users).where(eq(users.id, found.createdById)) : [];
  if (!user) throw new Error("the admin who started the import no longer exists");
  return userActor(user);
}
