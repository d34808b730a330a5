"use client";

import { useId, useState } from "react";
import { CopyIcon } from "@/components/ui/icons";

type Props = {
  /** Names the notice and its field for screen readers, e.g. "New API key". */
  label: string;
  title: string;
  description: React.ReactNode;
  secret: string;
  onDismiss: () => void;
};

/** The one moment a secret is visible: only its hash is stored, so it cannot be shown again. */
export function OneTimeSecretNotice({ label, title, description, secret, onDismiss }: Props) {
  const id = useId();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div role="region" aria-label={label} className="rounded-md bg-emerald-50 p-4 ring-1 ring-emerald-600/20">
      <p className="text-sm font-medium text-emerald-900">{title}</p>
      <p className="mt-0.5 text-sm text-emerald-800">{description}</p>
      <div className="mt-3 flex gap-2">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          id={id}
          readOnly
          value={secret}
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
