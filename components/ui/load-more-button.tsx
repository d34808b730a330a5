/** The button under a keyset-paged list. */
export function LoadMoreButton({ pending, onClick }: { pending: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      disabled={pending}
      onClick={onClick}
      className="self-start rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50 disabled:opacity-60"
    >
      {pending ? "Loading…" : "Load more"}
    </button>
  );
}
