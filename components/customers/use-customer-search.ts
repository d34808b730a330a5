"use client";

import { useEffect, useState } from "react";
import type { CustomerSearchResult } from "@/lib/customers/customer-search-result";

export type CustomerSearchState =
  | { status: "idle"; results: [] }
  | { status: "searching" | "done"; results: CustomerSearchResult[] }
  | { status: "failed"; results: []; error: string };

const debounceMs = 150;

/**
 * Customers matching `query`, fetched as the person types: a request starts once typing
 * pauses, and a newer query aborts the request of an older one, so a slow answer to
 * "ma" can never replace the answer to "mar".
 */
export function useCustomerSearch(query: string): CustomerSearchState {
  const [state, setState] = useState<CustomerSearchState>({ status: "idle", results: [] });
  const q = query.trim();

  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((current) => ({ status: "searching", results: current.status === "done" ? current.results : [] }));
      try {
        const response = await fetch(`/api/customer-search?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        const body = (await response.json()) as { data?: CustomerSearchResult[]; error?: { message: string } };
        if (!response.ok || !body.data) throw new Error(body.error?.message ?? "Search failed");
        setState({ status: "done", results: body.data });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ status: "failed", results: [], error: error instanceof Error ? error.message : "Search failed" });
      }
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return q ? state : { status: "idle", results: [] };
}
