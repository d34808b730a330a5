import { ErrorPage } from "@/components/ui/error-page";

export function SettingsForbidden() {
  return (
    <ErrorPage status={403} title="Only admins can change settings">
      Ask an admin on your team if something here needs to change. Everything else, from the inbox to every ticket,
      is open to you.
    </ErrorPage>
  );
}
