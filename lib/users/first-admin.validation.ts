import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";
import { chosenPassword } from "./password.validation";

// Client-safe: used by the setup form and by the server action that creates the admin.

export const firstAdminInput = z.object({
  name: singleLineText().trim().min(1, "Name is required").max(200),
  email: z.email("Must be a valid email address").max(320),
  password: chosenPassword,
});
export type FirstAdminInput = z.infer<typeof firstAdminInput>;
