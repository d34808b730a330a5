import { cache } from "react";
import { requireUserOrRedirect } from "@/lib/auth/current-user";

/** The signed-in user, looked up once per request however many components ask. */
export const currentUser = cache(requireUserOrRedirect);
