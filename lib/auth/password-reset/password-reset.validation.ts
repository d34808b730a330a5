import { z } from "zod";
import { chosenPassword } from "@/lib/users/password.validation";

// Client-safe: the forgot-password and reset-password forms and their actions share these.

export const requestPasswordResetInput = z.object({
  email: z.string().trim().pipe(z.email("Enter the email address you sign in with").max(320)),
});
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

export const resetPasswordInput = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This reset link is not valid"),
    newPassword: chosenPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ",
  });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
