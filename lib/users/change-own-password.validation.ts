import { z } from "zod";
import { chosenPassword } from "./password.validation";

// Client-safe: used by the password form on /account and by its server action.

export const changeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1000, "That password is too long"),
    newPassword: chosenPassword,
    newPasswordConfirmation: z.string(),
  })
  .refine((input) => input.newPasswordConfirmation === input.newPassword, {
    path: ["newPasswordConfirmation"],
    message: "The two new passwords do not match",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInput>;
