import { ErrorPage } from "@/components/ui/error-page";

export default function CustomerNotFound() {
  return (
    <ErrorPage status={404} title="Customer not found">
      The link may be wrong. Press / to search for the customer.
    </ErrorPage>
  );
}
