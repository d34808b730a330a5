import type { Actor } from "@/lib/auth/actor";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { csvImports, type CsvImport } from "@/lib/db/schema";
import { forbidden, invalidField } from "@/lib/errors";
import { blobStore } from "@/lib/storage/storage";
import { maxCsvImportBytes, maxCsvImportRows, type CsvImportKind } from "./csv-import.validation";
import { parseCsv } from "./parse-csv";

const sampleSize = 5;

/**
 * The first step of a CSV import: the file is checked (UTF-8, a header line, at most
 * 100,000 rows and 10 MB), kept in storage, and its header and first rows returned for
 * the column mapping. Nothing is imported until startCsvImport.
 */
export async function uploadCsvImport(
  actor: Actor,
  input: { kind: CsvImportKind; fileName: string; bytes: Uint8Array },
): Promise<CsvImport> {
  if (!canManageSettings(actor)) throw forbidden("Only admins import data");
  if (input.bytes.byteLength === 0) throw invalidField("file", "The file is empty");
  if (input.bytes.byteLength > maxCsvImportBytes) throw invalidField("file", `The file is larger than ${maxCsvImportBytes / 1024 / 1024} MB`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(input.bytes);
  } catch {
    throw invalidField("file", "The file is not UTF-8 text: save it from your spreadsheet as “CSV UTF-8”");
  }
  if (text.includes("\u0000")) throw invalidField("file", "The file is not a CSV file (it holds NUL bytes)");
  const rows = parseCsv(text);
  const [header, ...body] = rows;
  if (!header || body.length === 0) throw invalidField("file", "The file needs a header line and at least one row");
  if (body.length > maxCsvImportRows) throw invalidField("file", `The file has more than ${maxCsvImportRows.toLocaleString("en")} rows: split it`);
  const headers = header.cells.map((cell, index) => cell.trim().slice(0, 200) || `Column ${index + 1}`);

  const storageKey = await blobStore().put(input.bytes, { prefix: "imports", extension: "csv" });
  const [created] = await db()
    .insert(csvImports)
    .values({
      kind: input.kind,
      fileName: input.fileName.replace(/[\r\n\t]+/g, " ").slice(0, 255) || "import.csv",
      storageKey,
      headers,
      sampleRows: body.slice(0, sampleSize).map((row) => row.cells.map((cell) => cell.slice(0, 200))),
      rowCount: body.length,
      createdById: actor.type === "user" ? actor.id : null,
    })
    .returning();
  return created!;
}
