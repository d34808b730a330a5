import { useId } from "react";

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files an email reply will carry: add more, or take one off before sending. */
export function ChosenFiles({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const id = useId();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <label
        htmlFor={id}
        className="relative inline-flex cursor-pointer items-center rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-50 focus-within:ring-2 focus-within:ring-indigo-500/40"
      >
        Attach files
        <input
          id={id}
          type="file"
          multiple
          className="sr-only"
          onChange={(event) => {
            onChange([...files, ...Array.from(event.target.files ?? [])]);
            // The same file chosen again after removing it must fire a change again.
            event.target.value = "";
          }}
        />
      </label>
      {files.length > 0 && (
        <ul aria-label="Files to send" className="flex flex-wrap gap-2">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="inline-flex items-center gap-1 rounded border border-zinc-300 bg-zinc-50 px-2 py-1 text-xs text-zinc-800">
              <span className="max-w-48 truncate">{file.name}</span>
              <span className="text-zinc-600">{size(file.size)}</span>
              <button
                type="button"
                aria-label={`Remove ${file.name}`}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                className="ml-1 rounded px-1 text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
