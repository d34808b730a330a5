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
