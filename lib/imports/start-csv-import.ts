import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { csvImports, type CsvImport } from "@/lib/db/schema";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { csvImportJob } from "./csv-import-job";
import { missingCsvFields, type CsvImportMapping } from "./csv-import.validation";

/** Starts an uploaded import with its column mapping: the job is queued with the change, in one transaction. */
export async function startCsvImport(actor: Actor, input: { importId: string; mapping: CsvImportMapping }): Promise<CsvImport> {
  if (!canManageSettings(actor)) throw forbidden("Only admins import data");
  return db().transaction(async (tx) => {
    const [found] = await tx.select().from(csvImports).where(eq(csvImports.id, input.importId)).for("update");
    if (!found) throw notFound("Import");
    if (found.status !== "mapping") throw new AppError("conflict", "This import has already started");
    for (const [field, column] of Object.entries(input.mapping.columns)) {
      if (column !== null && column >= found.headers.length) throw new AppError("validation_failed", `${field} is mapped to a column the file does not have`);
    }
    const missing = missingCsvFields(found.kind, input.mapping);
    if (missing) throw new AppError("validation_failed", missing);
    const [started] = await tx
      .update(csvImports)
      .set({ mapping: input.mapping, status: "queued", updatedAt: new Date() })
      .where(eq(csvImports.id, found.id))
      .returning();
    await enqueueJob(csvImportJob, { importId: found.id }, { tx });
    return started!;
  });
}
