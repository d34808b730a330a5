"use client";

import { useEffect, useState, useTransition } from "react";
import { loadCsvImport, startCsv, uploadCsv } from "@/app/(app)/settings/import-actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  csvImportFields,
  guessCsvMapping,
  missingCsvFields,
  type CsvImportKind,
  type CsvImportMapping,
} from "@/lib/imports/csv-import.validation";
import type { CsvImportView } from "@/lib/imports/csv-import-view";
import { SettingsSection } from "./settings-section";

const kindLabels: Record<CsvImportKind, { title: string; noun: [string, string]; others: string }> = {
  customers: { title: "Customers", noun: ["customer", "customers"], others: "traits" },
  touchpoints: { title: "Past touchpoints (orders, visits, emails…)", noun: ["touchpoint", "touchpoints"], others: "properties" },
};

const count = (n: number, [one, many]: [string, string]) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Settings → Import from CSV: upload, map the columns, then watch the background import. */
export function CsvImportSection() {
  const [current, setCurrent] = useState<CsvImportView | null>(null);
  return (
    <SettingsSection
      id="csv-import"
      title="Import from CSV"
      description="Customers, or their past touchpoints, from a spreadsheet saved as CSV (UTF-8, up to 10 MB and 100,000 rows). Importing the same file again adds nothing."
    >
      {!current && <UploadForm onUploaded={setCurrent} />}
      {current?.status === "mapping" && <MappingForm upload={current} onStarted={setCurrent} onCancel={() => setCurrent(null)} />}
      {current && current.status !== "mapping" && <ImportProgress started={current} onChange={setCurrent} onAnother={() => setCurrent(null)} />}
    </SettingsSection>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (upload: CsvImportView) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-col gap-3 rounded-md bg-white p-4 ring-1 ring-zinc-200"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await uploadCsv(data);
          if (!result.ok) return setError(result.error);
          setError(null);
          onUploaded(result.data);
        });
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">The file holds</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(Object.keys(kindLabels) as CsvImportKind[]).map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm text-zinc-800">
              <input type="radio" name="kind" value={kind} defaultChecked={kind === "customers"} />
              {kindLabels[kind].title}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex flex-col gap-1 text-sm font-medium text-zinc-800">
        CSV file
        <input type="file" name="file" accept=".csv,text/csv" required className="text-sm font-normal" />
      </label>
      <FormError message={error} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Reading the file…">
          Upload
        </SubmitButton>
      </div>
    </form>
  );
}

function MappingForm({ upload, onStarted, onCancel }: { upload: CsvImportView; onStarted: (view: CsvImportView) => void; onCancel: () => void }) {
  const [mapping, setMapping] = useState<CsvImportMapping>(() => guessCsvMapping(upload.kind, upload.headers));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const labels = kindLabels[upload.kind];
  return (
    <form
      aria-label="Column mapping"
      className="flex flex-col gap-4 rounded-md bg-white p-4 ring-1 ring-zinc-200"
      onSubmit={(event) => {
        event.preventDefault();
        const missing = missingCsvFields(upload.kind, mapping);
        if (missing) return setError(missing);
        startTransition(async () => {
          const result = await startCsv(upload.id, mapping);
          if (!result.ok) return setError(result.error);
          onStarted(result.data);
        });
      }}
    >
      <p className="text-sm text-zinc-700">
        <span className="font-medium break-all">{upload.fileName}</span>: {count(upload.rowCount, ["row", "rows"])} of{" "}
        {labels.noun[1]}. Say which column holds what.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {csvImportFields[upload.kind].map((field) => (
          <label key={field.key} className="flex flex-col gap-1 text-sm font-medium text-zinc-800">
            <span>
              {field.label}
              {field.hint && <span className="font-normal text-zinc-600"> · {field.hint}</span>}
            </span>
            <select
              value={mapping.columns[field.key] ?? ""}
              onChange={(event) =>
                setMapping({ ...mapping, columns: { ...mapping.columns, [field.key]: event.target.value === "" ? null : Number(event.target.value) } })
              }
              className="rounded-md border border-zinc-300 px-2 py-1.5 text-sm font-normal"
            >
              <option value="">Not in the file</option>
              {upload.headers.map((header, index) => (
                <option key={index} value={index}>
                  {header}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input
          type="checkbox"
          checked={mapping.keepOtherColumns}
          onChange={(event) => setMapping({ ...mapping, keepOtherColumns: event.target.checked })}
        />
        Keep the other columns as {labels.others}
      </label>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-xs">
          <caption className="pb-1 text-left text-xs font-medium text-zinc-600">The first rows of the file</caption>
          <thead>
            <tr>
              {upload.headers.map((header, index) => (
                <th key={index} scope="col" className="border-b border-zinc-200 px-2 py-1 font-medium whitespace-nowrap text-zinc-700">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {upload.sampleRows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {upload.headers.map((_, index) => (
                  <td key={index} className="max-w-48 truncate border-b border-zinc-100 px-2 py-1 text-zinc-800">
                    {row[index] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormError message={error} />
      <div className="flex gap-2">
        <SubmitButton pending={pending} pendingLabel="Starting…">
          Import {count(upload.rowCount, ["row", "rows"])}
        </SubmitButton>
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-2 text-sm text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50">
          Cancel
        </button>
      </div>
    </form>
  );
}

const pollMs = 1000;

function ImportProgress({ started, onChange, onAnother }: { started: CsvImportView; onChange: (view: CsvImportView) => void; onAnother: () => void }) {
  const running = started.status === "queued" || started.status === "running";
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(async () => {
      const result = await loadCsvImport(started.id);
      if (result.ok) onChange(result.data);
      else setError(result.error);
    }, pollMs);
    return () => clearTimeout(timer);
  }, [running, started, onChange]);

  const labels = kindLabels[started.kind];
  const percent = started.rowCount ? Math.round((100 * started.processedRows) / started.rowCount) : 100;
  return (
    <div className="flex flex-col gap-3 rounded-md bg-white p-4 ring-1 ring-zinc-200">
      <p className="text-sm font-medium break-all text-zinc-800">{started.fileName}</p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={started.rowCount}
        aria-valuenow={started.processedRows}
        aria-valuetext={`${started.processedRows} of ${started.rowCount} rows`}
        className="h-2 overflow-hidden rounded-full bg-zinc-200"
      >
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" className="text-sm text-zinc-700">
        {running && `Importing… ${started.processedRows.toLocaleString("en")} of ${started.rowCount.toLocaleString("en")} rows`}
        {started.status === "done" &&
          `Done: ${count(started.addedRows, labels.noun)} added, ${started.unchangedRows.toLocaleString("en")} already known, ${count(started.errorRows, ["row", "rows"])} not imported.`}
        {started.status === "failed" && `Stopped: ${started.failureReason ?? "the import failed"}`}
      </p>
      <FormError message={error} />
      {started.errors.length > 0 && (
        <div className="overflow-x-auto">
          <table aria-label="Rows not imported" className="min-w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="border-b border-zinc-200 px-2 py-1 font-medium text-zinc-700">
                  Line
                </th>
                <th scope="col" className="border-b border-zinc-200 px-2 py-1 font-medium text-zinc-700">
                  Why
                </th>
              </tr>
            </thead>
            <tbody>
              {started.errors.map((row) => (
                <tr key={row.line}>
                  <td className="border-b border-zinc-100 px-2 py-1 align-top text-zinc-800 tabular-nums">{row.line}</td>
                  <td className="border-b border-zinc-100 px-2 py-1 break-words text-zinc-800">{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {started.errorRows > started.errors.length && (
            <p className="pt-1 text-xs text-zinc-600">and {(started.errorRows - started.errors.length).toLocaleString("en")} more</p>
          )}
        </div>
      )}
      {!running && (
        <div>
          <button type="button" onClick={onAnother} className="rounded-md px-3 py-2 text-sm text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50">
            Import another file
          </button>
        </div>
      )}
    </div>
  );
}
