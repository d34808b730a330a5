import { AppError } from "@/lib/errors";
import type { ChannelAdapter } from "../channel-adapter";

export const phoneAdapter: ChannelAdapter = {
  // Nothing written travels by phone. A caller is answered by calling back (log the call),
  // or by email when the reply says so ("via": "email"): never by email behind the agent's back.
  async send() {
    throw new AppError(
      "conflict",
      'A phone ticket is answered by calling back: log the call, or send the reply by email ("via": "email")',
    );
  },
};
