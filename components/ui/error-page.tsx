import Link from "next/link";

/** The body of a 403 or 404 page: what happened, why, and the way back. */
export function ErrorPage({
  status,
  title,
  children,
  back = { href: "/inbox", label: "Back to the inbox" },
}: {
  status: number;
  title: string;
  children: React.ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="font-mono text-sm text-zinc-600">{status}</p>
      <h1 className="mt-2 text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-zinc-600">{children}</p>
      <Link href={back.href} className="mt-6 inline-block py-1 text-sm font-medium text-indigo-700 hover:text-indigo-600">
        {back.label}
      </Link>
    </div>
  );
}
