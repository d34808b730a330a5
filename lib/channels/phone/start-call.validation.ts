import { z } from "zod";
import { normalizePhoneNumber } from "@/lib/customers/phone-number";

// Client-safe: the "Call" dialog validates with it too.

export const startCallInput = z.strictObject({
  /** The customer's number. */
  number: z
    .string()
    .trim()
    .min(1, "Enter the customer's number")
    .max(40, "That is not a phone number")
    .transform((raw, ctx) => {
      const number = normalizePhoneNumber(raw);
      if (number) return number;
      ctx.addIssue({ code: "custom", message: "Enter the number in international format, such as +1 555 555 0100" });
      return z.NEVER;
    }),
  /** Rung first; once the agent picks up, Twilio dials the customer. One of the channel's agents' numbers. */
  agentNumber: z.string().trim().min(1, "Choose the phone to ring you on"),
  /** The phone channel to call from; by default the ticket's own, else the first one set up. */
  channelId: z.uuid("Unknown phone channel").optional(),
});

export type StartCallInput = z.output<typeof startCallInput>;

/** The "Call" dialog's fields: the phone to ring first is chosen as "<channel id>|<agent's number>". */
export const startCallForm = z
  .object({
    number: startCallInput.shape.number,
    agentNumber: z.string().regex(/^[0-9a-f-]{36}\|\+[1-9]\d{6,14}$/, "Choose the phone to ring you on"),
  })
  .transform(({ number, agentNumber: choice }) => {
    const [channelId, agentNumber] = choice.split("|") as [string, string];
    return { number, agentNumber, channelId };
  });
