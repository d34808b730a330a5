import { apiRoute } from "@/lib/api/api-route";
import { customerParams, customerTimelineQuery } from "@/lib/api/customers-api-schemas";
import { canReadCustomers } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { customerExists } from "@/lib/customers/customer-queries";
import { readCustomerTimeline } from "@/lib/timeline/timeline-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ params: customerParams, query: customerTimelineQuery }, async ({ actor, params, query }) => {
  if (!canReadCustomers(actor)) throw forbidden();
  const page = await readCustomerTimeline(db(), params.id, query);
  // Only an empty page can mean an unknown customer: the usual read is one statement.
  if (page.data.length === 0 && !(await customerExists(db(), params.id))) throw notFound("Customer");
  return Response.json(page);
});
