import { z } from "zod";

// Client-safe: the login form checks with it before asking the server, which checks again.
export const signInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320, "That email address is too long"),
  password: z.string().min(1, "Enter your password").max(1000, "That password is too long"),
});

export type SignInInput = z.infer<typeof signInInput>;
