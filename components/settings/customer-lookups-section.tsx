"use client";

import Link from "next/link";
import { loadCustomerLookupsAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { useLoadMore } from "@/components/ui/use-load-more";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CustomerLookupView } from "@/lib/customers/list-customer-lookups";
import { EmptyState, SettingsCell, SettingsRow, SettingsSection, SettingsTable, type Column } from "./settings-section";

const columns: Column[] = [{ label: "When" }, { label: "Who" }, { label: "Customer" }];

export type CustomerLookupsPage = { lookups: CustomerLookupView[]; nextCursor: string | null };

export function CustomerLookupsSection({ initialPage }: { initialPage: CustomerLookupsPage }) {
  const { items: lookups, hasMore, pending, error, loadMore } = useLoadMore(
    { items: initialPage.lookups, nextCursor: initialPage.nextCursor },
    async (cursor) => {
      const result = await loadCustomerLookupsAction({ cursor });
      return result.ok ? { ok: true, data: { items: result.data.lookups, nextCursor: result.data.nextCursor } } : result;
    },
  );

  return (
    <SettingsSection
      id="customer-lookups"
      title="Customer lookups"
      description="Every time someone with the Staff role opened a customer's page (from search or a link), newest first."
    >
      {lookups.length === 0 ? (
        <EmptyState>No staff member has looked a customer up yet.</EmptyState>
      ) : (
        <SettingsTable label="Customer lookups" columns={columns}>
          {lookups.map((lookup) => (
            <SettingsRow key={lookup.id}>
              <SettingsCell className="order-2 text-right text-xs whitespace-nowrap md:order-none md:text-left">
                <RelativeTime iso={lookup.createdAt} />
              </SettingsCell>
              <SettingsCell className="order-1 font-medium md:order-none md:font-normal">{lookup.user.name}</SettingsCell>
              <SettingsCell wide className="order-3 md:order-none">
                {/* No prefetch: an admin's page load must not open every customer listed. */}
                <Link href={`/customers/${lookup.customer.id}`} prefetch={false} className="text-indigo-700 hover:underline">
                  {lookup.customer.name || lookup.customer.email || "Unknown customer"}
                </Link>
              </SettingsCell>
            </SettingsRow>
          ))}
        </SettingsTable>
      )}
      <FormError message={error} />
      {hasMore && <LoadMoreButton pending={pending} onClick={() => void loadMore()} />}
    </SettingsSection>
  );
}
