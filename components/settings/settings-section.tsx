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
        <p className="mt-1 text-sm text-zinc-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** What a settings list shows while it has nothing in it. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p className="rounded-md bg-white px-3 py-6 text-center text-sm text-zinc-600 ring-1 ring-zinc-200">{children}</p>
  );
}

export type Column = { label: string; className?: string; hidden?: boolean };

/**
 * A settings list: a named table, so tests and screen readers find it by its label. On
 * phones each row reflows into a card (SettingsRow, SettingsCell) instead of overflowing.
 */
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
      className={`block w-full overflow-hidden rounded-md bg-white text-sm ring-1 ring-zinc-200 md:table ${fixed ? "md:table-fixed" : ""}`}
    >
      <thead className="sr-only bg-zinc-50 text-left text-xs text-zinc-600 md:not-sr-only md:table-header-group">
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={`px-3 py-2 font-medium ${column.className ?? ""}`}>
              {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block divide-y divide-zinc-100 md:table-row-group">{children}</tbody>
    </table>
  );
}

/** A row of a SettingsTable: a two-column card on phones, a table row from md up. */
export function SettingsRow({ className = "", children }: { className?: string; children: React.ReactNode }) {
  return (
    <tr className={`grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-3 py-3 md:table-row md:p-0 ${className}`}>
      {children}
    </tr>
  );
}

/**
 * A cell of a SettingsRow. `label` is shown before the value on phones, where there is no
 * header row to read it from (screen readers still get the column header); `wide` gives
 * the cell a line of its own in the card.
 */
export function SettingsCell({
  label,
  wide = false,
  className = "",
  title,
  children,
}: {
  label?: string;
  wide?: boolean;
  className?: string;
  title?: string;
  children: React.ReactNode;
}) {
  return (
    <td title={title} className={`block min-w-0 md:table-cell md:px-3 md:py-2 ${wide ? "col-span-2" : ""} ${className}`}>
      {label && (
        <span aria-hidden className="mr-1.5 text-xs text-zinc-600 md:hidden">
          {label}
        </span>
      )}
      {children}
    </td>
  );
}
