import { createHash } from "node:crypto";
import { z } from "zod";
import { normalizeEmail } from "@/lib/customers/find-or-create-customer";
import { normalizePhoneNumber } from "@/lib/customers/phone-number";
import type { IngestCall } from "@/lib/timeline/ingest-segment-calls";
import type { CsvImportKind, CsvImportMapping } from "./csv-import.validation";
import type { CsvRow } from "./parse-csv";

export type RowResult = { call: IngestCall } | { error: string };

const email = z.email();
const maxCell = 2000;

/**
 * One CSV row as the call ingest understands: a customer row is an identify (its email,
 * phone and external id link to one customer, the other columns become traits), a past
 * touchpoint a track call at its own time. A touchpoint's messageId is its event id
 * column, or else a hash of the row's mapped values, so the same row imported again is
 * recognised and stored once.
 */
export function csvRowToCall(kind: CsvImportKind, headers: string[], mapping: CsvImportMapping, row: CsvRow): RowResult {
  const mapped = new Set(Object.values(mapping.columns).filter((column): column is number => column !== null));
  const value = (field: string) => {
    const column = mapping.columns[field];
    return column === null || column === undefined ? "" : (row.cells[column] ?? "").trim();
  };
  if (row.cells.some((cell) => cell.length > maxCell)) return { error: `A cell is longer than ${maxCell} characters` };
  const others: Record<string, string> = {};
  if (mapping.keepOtherColumns) {
    headers.forEach((header, column) => {
      const cell = (row.cells[column] ?? "").trim();
      if (!mapped.has(column) && cell !== "") others[header] = cell;
    });
  }

  const address = value("email");
  if (address && !email.safeParse(normalizeEmail(address)).success) return { error: `“${address.slice(0, 80)}” is not an email address` };
  const externalId = value("externalId").slice(0, 500) || null;

  if (kind === "customers") {
    const rawPhone = value("phone");
    const phone = rawPhone ? normalizePhoneNumber(rawPhone) : null;
    if (rawPhone && !phone) return { error: `“${rawPhone.slice(0, 80)}” is not a phone number` };
    if (!address && !phone && !externalId) return { error: "No email, phone or external id: nothing says who this customer is" };
    const name = value("name") || [value("firstName"), value("lastName")].filter(Boolean).join(" ");
    const traits: Record<string, unknown> = { ...others };
    if (address) traits.email = normalizeEmail(address);
    if (phone) traits.phone = phone;
    if (name) traits.name = name.slice(0, 300);
    return { call: { type: "identify", userId: externalId, traits } };
  }

  if (!address && !externalId) return { error: "No customer email or external id: nothing says whose touchpoint this is" };
  const event = value("event");
  if (!event) return { error: "No event name" };
  if (event.length > 200) return { error: "The event name is longer than 200 characters" };
  const when = value("timestamp");
  const occurredAt = new Date(when);
  if (!when || Number.isNaN(occurredAt.getTime())) return { error: when ? `“${when.slice(0, 80)}” is not a date and time` : "No date and time" };
  const messageId =
    value("messageId").slice(0, 200) ||
    `row-${createHash("sha256").update(JSON.stringify([address && normalizeEmail(address), externalId, event, occurredAt.toISOString(), others])).digest("hex").slice(0, 40)}`;
  return {
    call: {
      type: "track",
      userId: externalId,
      event,
      properties: others,
      timestamp: occurredAt,
      messageId,
      identities: address ? [{ kind: "email", value: normalizeEmail(address) }] : [],
    },
  };
}
