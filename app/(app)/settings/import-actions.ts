"use server";

import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { canManageSettings } from "@/lib/auth/permissions";
import { userActor } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { csvImports } from "@/lib/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import { csvImportKinds, csvImportMapping } from "@/lib/imports/csv-import.validation";
import { presentCsvImport } from "@/lib/imports/csv-import-view";
import { startCsvImport } from "@/lib/imports/start-csv-import";
import { uploadCsvImport } from "@/lib/imports/upload-csv-import";
import { runAction } from "../run-action";

// CSV import (Settings → Import): each action checks the role before reading its input.

async function requireAdmin() {
  const user = await requireUser();
  const actor = userActor(user);
  if (!canManageSettings(actor)) throw forbidden();
  return actor;
}

const uploadInput = z.object({ kind: z.enum(csvImportKinds, "Choose what the file holds"), file: z.instanceof(File, { message: "Choose a CSV file" }) });

export async function uploadCsv(formData: FormData) {
  return runAction(async () => {
    const actor = await requireAdmin();
    const input = uploadInput.parse({ kind: formData.get("kind"), file: formData.get("file") });
    const created = await uploadCsvImport(actor, {
      kind: input.kind,
      fileName: input.file.name,
      bytes: new Uint8Array(await input.file.arrayBuffer()),
    });
    return presentCsvImport(created);
  });
}

export async function startCsv(importId: unknown, mapping: unknown) {
  return runAction(async () => {
    const actor = await requireAdmin();
    return presentCsvImport(await startCsvImport(actor, { importId: z.uuid().parse(importId), mapping: csvImportMapping.parse(mapping) }));
  });
}

/** An import's progress, polled by the page while the job runs. */
export async function loadCsvImport(importId: unknown) {
  return runAction(async () => {
    await requireAdmin();
    const [found] = await db().select().from(csvImports).where(eq(csvImports.id, z.uuid().parse(importId)));
    if (!found) throw notFound("Import");
    return presentCsvImport(found);
  });
}
