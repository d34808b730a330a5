import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { CustomerCallActions } from "@/components/customers/customer-call-actions";
import { CustomerDetails } from "@/components/customers/customer-details";
import { CustomerMerges } from "@/components/customers/customer-merges";
import { MergeCustomerDialog } from "@/components/customers/merge-customer-dialog";
import { CustomerTimeline } from "@/components/customers/customer-timeline";
import { CustomerTickets } from "@/components/customers/customer-tickets";
import { customerLabel } from "@/components/ui/customer-label";
import { userActor } from "@/lib/auth/users";
import { listCallingChannels } from "@/lib/channels/phone/calling-channels";
import { findCustomerPhone, findCustomerProfile } from "@/lib/customers/customer-queries";
import { listCustomerMerges } from "@/lib/customers/list-customer-merges";
import { recordCustomerLookup } from "@/lib/customers/record-customer-lookup";
import { db } from "@/lib/db/client";
import { readCustomerTimeline } from "@/lib/timeline/timeline-queries";
import { listTicketSummaries } from "@/lib/tickets/ticket-queries";
import { currentUser } from "../../current-user";

type Props = { params: Promise<{ id: string }> };

/** How many of a customer's tickets the page lists, newest activity first. */
const ticketLimit = 50;

const loadCustomer = cache(async (id: string) =>
  z.uuid().safeParse(id).success ? findCustomerProfile(db(), id) : null,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await currentUser();
  const customer = await loadCustomer((await params).id);
  return { title: customer ? `${customerLabel(customer)} · Touchbase` : "Customer not found · Touchbase" };
}

export default async function CustomerPage({ params }: Props) {
  const user = await currentUser();
  const customer = await loadCustomer((await params).id);
  if (!customer) notFound();
  // A merged customer lives on in the one it was merged into (where the merge can be undone).
  if (customer.mergedIntoId) redirect(`/customers/${customer.mergedIntoId}`);
  // Recorded while rendering, not from the browser: a page view is the lookup.
  await recordCustomerLookup(db(), userActor(user), customer.id);
  const [{ tickets }, timeline, merges, phone, callingChannels] = await Promise.all([
    listTicketSummaries(db(), { customerId: customer.id, limit: ticketLimit }),
    readCustomerTimeline(db(), customer.id),
    listCustomerMerges(db(), customer.id),
    findCustomerPhone(db(), customer.id),
    listCallingChannels(db()),
  ]);

  return (
    <div className="flex min-h-full flex-col">
      <header className="flex items-start justify-between gap-3 border-b border-zinc-200 bg-white px-4 py-3 sm:px-6">
        <div className="min-w-0">
          <p className="text-xs text-zinc-500">Customer</p>
          <h1 className="mt-0.5 break-words text-lg font-semibold">{customerLabel(customer)}</h1>
          {customer.name && customer.email && <p className="break-words text-sm text-zinc-600">{customer.email}</p>}
          <div className="mt-2">
            <CustomerCallActions customerId={customer.id} phone={phone} channels={callingChannels} />
          </div>
        </div>
        <MergeCustomerDialog customer={{ id: customer.id, name: customer.name, email: customer.email }} />
      </header>
      <div className="grid flex-1 gap-6 px-4 py-4 sm:px-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <CustomerDetails customer={customer} />
          <CustomerMerges key={customer.id} merges={merges} />
          <CustomerTickets tickets={tickets} />
        </div>
        <section aria-labelledby="timeline-heading" className="min-w-0">
          <CustomerTimeline key={customer.id} customerId={customer.id} initialPage={timeline} />
        </section>
      </div>
    </div>
  );
}
