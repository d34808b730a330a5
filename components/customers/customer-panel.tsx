import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TimelineItem } from "@/lib/timeline/timeline-queries";
import { FamilyIcon } from "./timeline-family";

export type CustomerPanelData = {
  id: string;
  name: string | null;
  email: string | null;
  company: string | null;
  /** Their touchpoints before the ticket opened, newest first. */
  journey: TimelineItem[];
};

/** Beside a ticket: who the customer is and what they did just before writing in. */
export function CustomerPanel({ customer }: { customer: CustomerPanelData }) {
  const headline = customer.journey
    .slice(0, 3)
    .map((item) => item.title)
    .join(" · ");
  return (
    <section aria-labelledby="customer-panel-heading" className="flex flex-col gap-2 text-sm">
      <h2 id="customer-panel-heading" className="text-xs font-medium text-zinc-600">
        Customer
      </h2>
      <div className="min-w-0">
        {/* No prefetch: opening a customer is a lookup that is recorded, so only a click may load it. */}
        <Link href={`/customers/${customer.id}`} prefetch={false} className="break-words font-medium text-indigo-700 hover:underline">
          {customer.name || customer.email || "Unknown customer"}
        </Link>
        {customer.name && customer.email && <p className="break-all text-zinc-600">{customer.email}</p>}
        {customer.company && <p className="break-words text-zinc-600">{customer.company}</p>}
      </div>
      <h3 className="text-xs font-medium text-zinc-600">Before this ticket</h3>
      {customer.journey.length === 0 ? (
        <p className="text-zinc-600">Nothing else is known about their journey yet.</p>
      ) : (
        <>
          <p className="break-words text-zinc-800">{headline}</p>
          <ol aria-label="Recent journey" className="flex flex-col gap-1.5">
            {customer.journey.map((item) => (
              <li key={item.id} className="flex items-start gap-2">
                <FamilyIcon family={item.family} />
                <span className="min-w-0">
                  <span className="block break-words text-zinc-800">{item.title}</span>
                  <RelativeTime iso={item.occurredAt} className="text-xs text-zinc-600" />
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <Link href={`/customers/${customer.id}`} prefetch={false} className="text-xs font-medium text-indigo-700 hover:underline">
        Full timeline →
      </Link>
    </section>
  );
}
