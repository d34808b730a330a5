"use server";

import { runAction } from "@/app/(app)/run-action";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { firstAdminInput } from "@/lib/users/first-admin.validation";

// Nobody can be signed in on an empty workspace; the use-case itself refuses as soon as
// any user exists, so this action is harmless once setup is done.
export async function createFirstAdminAction(raw: unknown) {
  return runAction(async () => {
    const input = firstAdminInput.parse(raw);
    await createFirstAdmin(input);
    return null;
  });
}
