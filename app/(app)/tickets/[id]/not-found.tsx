import { ErrorPage } from "@/components/ui/error-page";

export default function TicketNotFound() {
  return (
    <ErrorPage status={404} title="Ticket not found">
      It may have been deleted, or the link is wrong.
    </ErrorPage>
  );
}
