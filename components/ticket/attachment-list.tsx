import type { AttachmentView } from "@/lib/tickets/ticket-views";

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files that came with a message; each opens through the staff-only download route. */
export function AttachmentList({ files }: { files: AttachmentView[] }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-2 flex flex-wrap gap-2">
      {files.map((file) => (
        <li key={file.id}>
          <a
            href={`/attachments/${file.id}`}
            className="inline-flex items-center gap-1 rounded border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-800 hover:bg-zinc-50"
          >
            <span className="max-w-48 truncate">{file.filename}</span>
            <span className="text-zinc-600">{size(file.size)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
