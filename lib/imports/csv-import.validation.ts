import { z } from "zod";

// Client-safe: the import kinds, the fields a CSV column can be mapped to, and the mapping
// the Settings form sends.

export const csvImportKinds = ["customers", "touchpoints"] as const;
export type CsvImportKind = (typeof csvImportKinds)[number];

export const maxCsvImportBytes = 10 * 1024 * 1024;
export const maxCsvImportRows = 100_000;

export type CsvField = { key: string; label: string; hint?: string; headers: string[] };

/** The fields of each kind, with the header names each is recognised by. */
export const csvImportFields: Record<CsvImportKind, CsvField[]> = {
  customers: [
    { key: "email", label: "Email", headers: ["email", "e-mail", "email address", "mail"] },
    { key: "phone", label: "Phone", headers: ["phone", "phone number", "mobile", "telephone", "tel"] },
    { key: "externalId", label: "External id", hint: "your system's id, Segment's userId", headers: ["external id", "externalid", "user id", "userid", "id", "customer id"] },
    { key: "name", label: "Name", headers: ["name", "full name", "fullname"] },
    { key: "firstName", label: "First name", headers: ["first name", "firstname", "given name"] },
    { key: "lastName", label: "Last name", headers: ["last name", "lastname", "surname", "family name"] },
  ],
  touchpoints: [
    { key: "email", label: "Customer email", headers: ["email", "e-mail", "customer email"] },
    { key: "externalId", label: "Customer external id", headers: ["external id", "user id", "userid", "customer id"] },
    { key: "event", label: "Event", hint: "e.g. Order Completed", headers: ["event", "event name", "type", "action"] },
    { key: "timestamp", label: "When", hint: "ISO 8601 date and time", headers: ["timestamp", "date", "time", "occurred at", "created at"] },
    { key: "messageId", label: "Event id", hint: "optional: makes each row unique", headers: ["message id", "messageid", "event id"] },
  ],
};

/** Each field's column number in the file, or null when the file does not have it. */
export const csvImportMapping = z.object({
  columns: z.record(z.string(), z.number().int().min(0).max(1000).nullable()),
  /** Columns mapped to no field become traits (customers) or properties (touchpoints). */
  keepOtherColumns: z.boolean(),
});
export type CsvImportMapping = z.infer<typeof csvImportMapping>;

const normalizeHeader = (header: string) => header.trim().toLowerCase().replace(/[_\s-]+/g, " ");

/** The mapping a file's headers suggest; the person checks it before the import starts. */
export function guessCsvMapping(kind: CsvImportKind, headers: string[]): CsvImportMapping {
  const normalized = headers.map(normalizeHeader);
  const columns: Record<string, number | null> = {};
  for (const field of csvImportFields[kind]) {
    const index = normalized.findIndex((header) => field.headers.map(normalizeHeader).includes(header));
    columns[field.key] = index === -1 ? null : index;
  }
  return { columns, keepOtherColumns: true };
}

/** What a mapping lacks before an import can start, or null. */
export function missingCsvFields(kind: CsvImportKind, mapping: CsvImportMapping): string | null {
  const has = (key: string) => mapping.columns[key] !== null && mapping.columns[key] !== undefined;
  if (kind === "customers") return has("email") || has("phone") || has("externalId") ? null : "Map a column to Email, Phone or External id: it is how a customer is recognised";
  if (!has("email") && !has("externalId")) return "Map a column to Customer email or Customer external id";
  if (!has("event")) return "Map a column to Event";
  if (!has("timestamp")) return "Map a column to When";
  return null;
}
