import { apiRoute } from "@/lib/api/api-route";
import { customerParams } from "@/lib/api/customers-api-schemas";
import { canReadCustomers } from "@/lib/auth/permissions";
import { findCustomerProfile } from "@/lib/customers/customer-queries";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ params: customerParams }, async ({ actor, params }) => {
  if (!canReadCustomers(actor)) throw forbidden();
  const customer = await findCustomerProfile(db(), params.id);
  if (!customer) throw notFound("Customer");
  return Response.json(customer);
});
