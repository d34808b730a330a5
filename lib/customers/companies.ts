import { sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import type { Traits } from "@/lib/db/schema";
import { freeMailDomains } from "./free-mail-domains";

/** The company domain of a work address; null for free-mail providers and anything unusable. */
export function companyDomainOf(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) || freeMailDomains.has(domain)) return null;
  return domain;
}

/** "acme-tools.co.uk" → "Acme-tools": a name to show until a group() call gives a real one. */
export function companyNameFromDomain(domain: string): string {
  const label = domain.split(".")[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The company for each domain, made when missing; one statement each way whatever the count. */
export async function companiesByDomain(tx: Transaction, domains: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(domains)];
  if (unique.length === 0) return new Map();
  await tx.execute(sql`
    insert into companies (domain, name)
    select d, n from unnest(${sql.param(unique)}::text[], ${sql.param(unique.map(companyNameFromDomain))}::text[]) as v(d, n)
    on conflict (domain) where domain is not null do nothing`);
  const rows = await tx.execute<{ id: string; domain: string }>(
    sql`select id, domain from companies where domain = any(${sql.param(unique)}::text[])`,
  );
  return new Map([...rows].map((row) => [row.domain, row.id]));
}

/** The company for each group() groupId, made or updated with its traits (newest values win). */
export async function companiesByGroup(
  tx: Transaction,
  groups: { groupId: string; traits: Traits }[],
): Promise<Map<string, string>> {
  const latest = new Map<string, Traits>();
  for (const group of groups) latest.set(group.groupId, { ...latest.get(group.groupId), ...group.traits });
  if (latest.size === 0) return new Map();
  const values = [...latest].map(([groupId, traits]) => ({
    group_id: groupId,
    name: typeof traits.name === "string" ? traits.name.slice(0, 300) : null,
    traits,
  }));
  const rows = await tx.execute<{ id: string; group_id: string }>(sql`
    insert into companies (group_id, name, traits)
    select v.group_id, v.name, v.traits from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(group_id text, name text, traits jsonb)
    on conflict (group_id) where group_id is not null do update
      set traits = companies.traits || excluded.traits, name = coalesce(excluded.name, companies.name), updated_at = now()
    returning id, group_id`);
  return new Map([...rows].map((row) => [row.group_id, row.id]));
}
