import type { CsvImport, CsvImportRowError, CsvImportStatus } from "@/lib/db/schema";
import type { CsvImportKind, CsvImportMapping } from "./csv-import.validation";

/** What the Settings page shows of an import: no storage key, dates as ISO strings. */
export type CsvImportView = {
  id: string;
  kind: CsvImportKind;
  fileName: string;
  headers: string[];
  sampleRows: string[][];
  rowCount: number;
  mapping: CsvImportMapping | null;
  status: CsvImportStatus;
  processedRows: number;
  addedRows: number;
  unchangedRows: number;
  errorRows: number;
  errors: CsvImportRowError[];
  failureReason: string | null;
  createdAt: string;
};

export function presentCsvImport(found: CsvImport): CsvImportView {
  return {
    id: found.id,
    kind: found.kind,
    fileName: found.fileName,
    headers: found.headers,
    sampleRows: found.sampleRows,
    rowCount: found.rowCount,
    mapping: found.mapping,
    status: found.status,
    processedRows: found.processedRows,
    addedRows: found.addedRows,
    unchangedRows: found.unchangedRows,
    errorRows: found.errorRows,
    errors: found.errors,
    failureReason: found.failureReason,
    createdAt: found.createdAt.toISOString(),
  };
}
