import Link from "next/link";

export default function CustomerNotFound() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="font-mono text-sm text-zinc-400">404</p>
      <h1 className="mt-2 text-lg font-semibold">Customer not found</h1>
      <p className="mt-2 text-sm text-zinc-500">
        The link may be wrong. Press <kbd className="font-mono">/</kbd> to search for the customer.
      </p>
      <Link href="/inbox" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        Back to the inbox
      </Link>
    </div>
  );
}
