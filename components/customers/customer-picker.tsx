"use client";

import { useId, useState } from "react";
import { searchFieldLabels, type CustomerSearchResult } from "@/lib/customers/customer-search-result";
import { useCustomerSearch } from "./use-customer-search";

type Props = {
  label: string;
  placeholder?: string;
  onPick: (customer: CustomerSearchResult) => void;
  /** Left out of the results, e.g. the customer being merged into. */
  excludeId?: string;
  autoFocus?: boolean;
};

/**
 * A search box whose results are picked with the arrow keys and Enter, or a click
 * (the ARIA combobox pattern: focus stays in the box, the active option is announced).
 */
export function CustomerPicker({ label, placeholder, onPick, excludeId, autoFocus }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const search = useCustomerSearch(query);
  const results = search.results.filter((customer) => customer.id !== excludeId);
  const activeIndex = Math.min(active, results.length - 1);
  const expanded = query.trim() !== "" && results.length > 0;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + results.length) % results.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const picked = results[activeIndex];
      if (picked) onPick(picked);
    }
  }

  return (
    <div className="flex min-h-0 flex-col">
      <label htmlFor={`${id}-input`} className="sr-only">
        {label}
      </label>
      <input
        id={`${id}-input`}
        // Not type="search": there Escape clears the text instead of closing the palette.
        type="text"
        enterKeyHint="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-option-${activeIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        value={query}
        placeholder={placeholder ?? "Name, email, phone, external id or company"}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-zinc-300 px-3 py-2 text-base sm:text-sm"
      />
      <p role="status" className="px-1 pt-2 text-xs text-zinc-500">
        {statusText(query, search.status, results.length, search.status === "failed" ? search.error : null)}
      </p>
      <ul id={`${id}-listbox`} role="listbox" aria-label={label} className="mt-1 min-h-0 overflow-y-auto">
        {expanded &&
          results.map((customer, index) => (
            <li
              key={customer.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(customer)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              className="cursor-pointer rounded-md px-3 py-2 aria-selected:bg-indigo-50"
            >
              <CustomerOption customer={customer} />
            </li>
          ))}
      </ul>
    </div>
  );
}

function CustomerOption({ customer }: { customer: CustomerSearchResult }) {
  const details = [customer.email, customer.phone, customer.company].filter(Boolean).join(" · ");
  const matchShown = [customer.name, customer.email, customer.phone, customer.company].includes(customer.match.value);
  return (
    <div className="min-w-0">
      <p className="truncate text-sm font-medium text-zinc-900">{customer.name || customer.email || "Unnamed customer"}</p>
      {details && <p className="truncate text-xs text-zinc-500">{details}</p>}
      {!matchShown && (
        <p className="truncate text-xs text-zinc-500">
          {searchFieldLabels[customer.match.field]}: {customer.match.value}
        </p>
      )}
    </div>
  );
}

function statusText(query: string, status: string, count: number, error: string | null): string {
  if (!query.trim()) return "Type to search customers.";
  if (error) return `Search failed: ${error}`;
  if (status !== "done") return "Searching…";
  if (count === 0) return "No customer matches.";
  return count === 1 ? "1 customer found." : `${count} customers found.`;
}
