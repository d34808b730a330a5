"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { mergeCustomersByHand } from "@/app/(app)/customers/[id]/actions";
import { FormError } from "@/components/ui/form-error";
import type { CustomerSearchResult } from "@/lib/customers/customer-search-result";
import { CustomerPicker } from "./customer-picker";

type Side = { id: string; name: string | null; email: string | null };

const label = (customer: Side) => customer.name || customer.email || "Unnamed customer";

/**
 * Merging a duplicate by hand, in two steps: find the other customer, then choose which
 * of the two stays and confirm. The page then shows the one that stayed.
 */
export function MergeCustomerDialog({ customer }: { customer: Side }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState<CustomerSearchResult | null>(null);
  const [survivorId, setSurvivorId] = useState(customer.id);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      element.querySelector<HTMLInputElement>("[role=combobox]")?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  function close() {
    setOpen(false);
    setOther(null);
    setSurvivorId(customer.id);
    setError(null);
  }

  function merge(event: React.FormEvent) {
    event.preventDefault();
    if (!other) return;
    const mergedId = survivorId === customer.id ? other.id : customer.id;
    startTransition(async () => {
      const result = await mergeCustomersByHand(survivorId, mergedId);
      if (!result.ok) return setError(result.error);
      close();
      if (survivorId === customer.id) router.refresh();
      else router.push(`/customers/${survivorId}`);
    });
  }

  const sides: Side[] = other ? [customer, { id: other.id, name: other.name, email: other.email }] : [];

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50"
      >
        Merge…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={close}
        onClick={(event) => event.target === dialog.current && close()}
        className="mx-auto mt-[10vh] w-[calc(100%-1.5rem)] max-w-lg rounded-lg bg-white p-0 shadow-xl ring-1 ring-zinc-900/10 backdrop:bg-zinc-900/30"
      >
        {open && (
          <div className="flex max-h-[75vh] flex-col gap-3 p-4">
            <div className="flex items-center justify-between">
              <h2 id={`${id}-title`} className="text-sm font-semibold">
                Merge {label(customer)} with another customer
              </h2>
              <button type="button" onClick={close} className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100">
                Cancel
              </button>
            </div>
            {!other ? (
              <CustomerPicker
                label="The same person as"
                placeholder="Find the duplicate: name, email, phone…"
                excludeId={customer.id}
                onPick={setOther}
                autoFocus
              />
            ) : (
              <form onSubmit={merge} className="flex flex-col gap-3">
                <fieldset>
                  <legend className="text-sm font-medium text-zinc-800">Which customer stays?</legend>
                  <div className="mt-2 flex flex-col gap-2">
                    {sides.map((side) => (
                      <label
                        key={side.id}
                        className="flex cursor-pointer items-start gap-3 rounded-md p-3 ring-1 ring-zinc-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300"
                      >
                        <input
                          type="radio"
                          name="survivor"
                          value={side.id}
                          checked={survivorId === side.id}
                          onChange={() => setSurvivorId(side.id)}
                          className="mt-1"
                        />
                        <span className="min-w-0">
                          <span className="block break-words text-sm font-medium text-zinc-900">
                            {label(side)}
                            {side.id === customer.id && <span className="font-normal text-zinc-500"> (this page)</span>}
                          </span>
                          {side.name && side.email && <span className="block break-all text-xs text-zinc-600">{side.email}</span>}
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
                <p className="text-sm text-zinc-600">
                  The other customer&apos;s tickets, timeline and identities move to the one that stays. Traits combine; where
                  both have a value, the most recently updated customer&apos;s wins. You can undo this on the customer&apos;s page.
                </p>
                <FormError message={error} />
                <div className="flex justify-end gap-2">
                  <button
                    type="button"
                    onClick={() => setOther(null)}
                    className="rounded-md px-3 py-1.5 text-sm text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50"
                  >
                    Back
                  </button>
                  <button
                    type="submit"
                    disabled={pending}
                    className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
                  >
                    {pending ? "Merging…" : "Merge customers"}
                  </button>
                </div>
              </form>
            )}
          </div>
        )}
      </dialog>
    </>
  );
}
