import Link from "next/link";

export function SettingsForbidden() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="font-mono text-sm text-zinc-400">403</p>
      <h1 className="mt-2 text-lg font-semibold">Only admins can change settings</h1>
      <p className="mt-2 text-sm text-zinc-500">
        Ask an admin on your team if something here needs to change. Everything else, from the inbox to every
        ticket, is open to you.
      </p>
      <Link href="/inbox" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
        Back to the inbox
      </Link>
    </div>
  );
}
