"use client";

import { useState } from "react";
import { CopyIcon } from "@/components/ui/icons";

/** The one moment the full key is visible; it is not stored anywhere we can show it again. */
export function NewApiKeyNotice({ apiKey, onDismiss }: { apiKey: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div role="region" aria-label="New API key" className="rounded-md bg-emerald-50 p-4 ring-1 ring-emerald-600/20">
      <p className="text-sm font-medium text-emerald-900">Copy your new API key now</p>
      <p className="mt-0.5 text-sm text-emerald-800">It won&apos;t be shown again. Store it somewhere safe.</p>
      <div className="mt-3 flex gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input
          id="new-api-key"
          readOnly
          value={apiKey}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-2 py-1.5 font-mono text-xs"
        />
        <button
          type="button"
          onClick={() => void copy()}
          className="inline-flex items-center gap-1.5 rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-600"
        >
          <CopyIcon />
          {copied ? "Copied" : "Copy"}
        </button>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-md px-3 py-1.5 text-sm text-emerald-900 hover:bg-emerald-100"
        >
          Done
        </button>
      </div>
    </div>
  );
}
