"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { undoCustomerMerge } from "@/app/(app)/customers/[id]/actions";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CustomerMergeSummary } from "@/lib/customers/list-customer-merges";

const reasons: Record<CustomerMergeSummary["reason"], string> = {
  manual: "by hand",
  identify: "an identify call named the same person",
  alias: "an alias call linked their ids",
};

/** The customers merged into this one, each with a way to undo it. */
export function CustomerMerges({ merges }: { merges: CustomerMergeSummary[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<{ id: string; label: string } | null>(null);
  if (merges.length === 0 && !restored) return null;

  function undo(merge: CustomerMergeSummary) {
    setError(null);
    startTransition(async () => {
      const result = await undoCustomerMerge(merge.id);
      if (!result.ok) return setError(result.error);
      setRestored({ id: merge.merged.id, label: merge.merged.name || merge.merged.email || "the customer" });
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="merges-heading" className="rounded-md bg-white p-4 ring-1 ring-zinc-200">
      <h2 id="merges-heading" className="text-sm font-semibold">
        Merged into this customer
      </h2>
      <FormError message={error} />
      {restored && (
        <p role="status" className="mt-2 text-sm text-zinc-700">
          Merge undone:{" "}
          <Link href={`/customers/${restored.id}`} className="text-indigo-700 underline">
            {restored.label}
          </Link>{" "}
          is a customer of their own again.
        </p>
      )}
      <ul className="mt-2 flex flex-col gap-3 text-sm">
        {merges.map((merge) => (
          <li key={merge.id} className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="break-words font-medium text-zinc-900">{merge.merged.name || merge.merged.email || "Unnamed customer"}</p>
              {merge.merged.name && merge.merged.email && <p className="break-all text-xs text-zinc-600">{merge.merged.email}</p>}
              <p className="text-xs text-zinc-600">
                <RelativeTime iso={merge.createdAt} />, {merge.mergedBy ? `by ${merge.mergedBy}` : reasons[merge.reason]}
              </p>
            </div>
            <button
              type="button"
              disabled={pending}
              onClick={() => undo(merge)}
              aria-label={`Undo merge of ${merge.merged.name || merge.merged.email || "this customer"}`}
              className="rounded-md px-2.5 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50 disabled:opacity-60"
            >
              Undo merge
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
