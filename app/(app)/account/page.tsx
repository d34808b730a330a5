import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { NotificationPreferencesForm } from "@/components/account/notification-preferences-form";
import { notificationPreferencesOf } from "@/lib/users/change-notification-preferences";
import { roleLabels } from "@/lib/users/user-roles";
import { signedInUser } from "../current-user";

export const metadata: Metadata = { title: "Your account · Touchbase" };

// The one page open to someone who must still replace a temporary password; the other
// pages send them here (app/(app)/current-user.ts).
export default async function AccountPage() {
  const user = await signedInUser();
  const details = [
    { term: "Name", value: user.name },
    { term: "Email", value: user.email },
    { term: "Role", value: roleLabels[user.role] },
  ];
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8 px-6 py-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-lg font-semibold">Your account</h1>
        {/* Read from the account, not the URL's ?required=1, so the line is never stale. */}
        {user.mustChangePassword && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/20">
            Choose your own password to continue: the one you signed in with was temporary.
          </p>
        )}
      </div>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-2 rounded-md bg-white p-4 text-sm ring-1 ring-zinc-200">
        {details.map(({ term, value }) => (
          <div key={term} className="contents">
            <dt className="text-zinc-600">{term}</dt>
            <dd className="min-w-0 truncate">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="notifications-heading" className="flex flex-col gap-3">
        <h2 id="notifications-heading" className="text-sm font-semibold">
          Notifications
        </h2>
        <NotificationPreferencesForm initial={notificationPreferencesOf(user)} />
      </section>
      <section aria-labelledby="change-password-heading" className="flex flex-col gap-3">
        <h2 id="change-password-heading" className="text-sm font-semibold">
          Change password
        </h2>
        <ChangePasswordForm required={user.mustChangePassword} />
      </section>
    </div>
  );
}
