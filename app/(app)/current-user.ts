import { redirect } from "next/navigation";
import { cache } from "react";
import { requireUserOrRedirect } from "@/lib/auth/current-user";

/**
 * The signed-in user, looked up once per request however many components ask, even one
 * who must still replace a temporary password. Only the shell and /account use it.
 */
export const signedInUser = cache(requireUserOrRedirect);

export const passwordChangeRequiredPath = "/account?required=1";

/**
 * The signed-in user for every other page, which is how a temporary password keeps its
 * holder on /account until they choose their own. It is checked here, by each page, and
 * not in the layout: a layout does not know the path and is not rendered again when
 * someone follows a link from /account to another page of the app.
 */
export async function currentUser() {
  const user = await signedInUser();
  if (user.mustChangePassword) redirect(passwordChangeRequiredPath);
  return user;
}
