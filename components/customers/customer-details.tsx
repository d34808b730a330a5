import { propertyText } from "./property-text";
import { RelativeTime } from "@/components/ui/relative-time";
import type { CustomerProfile } from "@/lib/customers/customer-queries";
import type { IdentityKind } from "@/lib/db/schema";

export const identityLabels: Record<IdentityKind, string> = {
  email: "Email",
  phone: "Phone",
  external_id: "External id",
  anonymous_id: "Anonymous id",
};

/** Who the customer is: company, every identity they are known by, traits. All of it shown as text. */
export function CustomerDetails({ customer }: { customer: CustomerProfile }) {
  const traits = Object.entries(customer.traits);
  return (
    <section aria-labelledby="profile-heading" className="rounded-md bg-white p-4 ring-1 ring-zinc-200">
      <h2 id="profile-heading" className="text-sm font-semibold">
        Profile
      </h2>
      <dl className="mt-3 flex flex-col gap-3 text-sm">
        <Detail term="Name">{customer.name || "—"}</Detail>
        {customer.phone && <Detail term="Phone">{customer.phone}</Detail>}
        {customer.company && (
          <Detail term="Company">
            {customer.company.name || customer.company.domain || customer.company.groupId}
            {customer.company.name && customer.company.domain && (
              <span className="text-zinc-500"> · {customer.company.domain}</span>
            )}
          </Detail>
        )}
        <Detail term="Customer since">
          <RelativeTime iso={customer.createdAt} />
        </Detail>
      </dl>
      <h3 className="mt-4 text-xs font-medium text-zinc-500">Known as</h3>
      <ul aria-label="Identities" className="mt-1 flex flex-col gap-1 text-sm">
        {customer.identities.map((identity) => (
          <li key={`${identity.kind}:${identity.value}`} className="flex min-w-0 gap-2">
            <span className="w-24 shrink-0 text-zinc-500">{identityLabels[identity.kind]}</span>
            <span className="min-w-0 break-all text-zinc-800">{identity.value}</span>
          </li>
        ))}
      </ul>
      {traits.length > 0 && (
        <>
          <h3 className="mt-4 text-xs font-medium text-zinc-500">Traits</h3>
          <dl aria-label="Traits" className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            {traits.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="break-all text-zinc-500">{key}</dt>
                <dd className="break-words text-zinc-800">{propertyText(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

export function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500">{term}</dt>
      <dd className="mt-0.5 break-words text-zinc-800">{children}</dd>
    </div>
  );
}
