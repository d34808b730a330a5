/** One titled part of the Settings page, named by its heading for assistive tech and tests. */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <div>
        <h2 id={`${id}-heading`} className="text-sm font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-zinc-500">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** What a settings list shows while it has nothing in it. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p className="rounded-md bg-white px-3 py-6 text-center text-sm text-zinc-500 ring-1 ring-zinc-200">{children}</p>
  );
}

export type Column = { label: string; className?: string; hidden?: boolean };

/** A settings list: a named table, so tests and screen readers find it by its label. */
export function SettingsTable({
  label,
  columns,
  fixed = false,
  children,
}: {
  label: string;
  columns: Column[];
  /** Column widths from the header instead of the content (long addresses stay in their cell). */
  fixed?: boolean;
  children: React.ReactNode;
}) {
  return (
    <table
      aria-label={label}
      className={`w-full overflow-hidden rounded-md bg-white text-sm ring-1 ring-zinc-200 ${fixed ? "table-fixed" : ""}`}
    >
      <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={`px-3 py-2 font-medium ${column.className ?? ""}`}>
              {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">{children}</tbody>
    </table>
  );
}
