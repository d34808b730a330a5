import { apiRoute } from "@/lib/api/api-route";
import { canReadCustomers } from "@/lib/auth/permissions";
import { customerSearchQuery } from "@/lib/customers/customer-search.validation";
import { searchCustomers } from "@/lib/customers/search-customers";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ query: customerSearchQuery }, async ({ actor, query }) => {
  if (!canReadCustomers(actor)) throw forbidden();
  return Response.json({ data: await searchCustomers(db(), query) });
});
