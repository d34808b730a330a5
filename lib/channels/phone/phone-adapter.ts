import { AppError } from "@/lib/errors";
import type { ChannelAdapter } from "../channel-adapter";
import { emailAdapter } from "../email/email-adapter";

export const phoneAdapter: ChannelAdapter = {
  // A written answer to a caller goes by email; a caller without an address is called back.
  async send(tx, delivery) {
    if (!delivery.customer.email) {
      throw new AppError(
        "conflict",
        "This caller has no email address: call them back and log the call as a note",
      );
    }
    await emailAdapter.send(tx, delivery);
  },
};
