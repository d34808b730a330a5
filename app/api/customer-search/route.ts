import { errorResponse, validationFailed } from "@/lib/api/api-errors";
import { requireUser } from "@/lib/auth/current-user";
import { canReadCustomers } from "@/lib/auth/permissions";
import { userActor } from "@/lib/auth/users";
import { customerSearchQuery } from "@/lib/customers/customer-search.validation";
import { searchCustomers } from "@/lib/customers/search-customers";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";

export const dynamic = "force-dynamic";

// The customer search of our own pages (the Ctrl/⌘+K palette, the merge picker), signed in
// by session. A route rather than a server action: the browser aborts the request of a
// query the person has typed past, which server actions (queued one after another) cannot.
export async function GET(request: Request) {
  try {
    const user = await requireUser();
    if (!canReadCustomers(userActor(user))) throw forbidden();
    const parsed = customerSearchQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw validationFailed(parsed.error, "The query string is not valid");
    return Response.json({ data: await searchCustomers(db(), { ...parsed.data, limit: Math.min(parsed.data.limit, 10) }) });
  } catch (error) {
    return errorResponse(error, request);
  }
}
