import type { ChannelAdapter } from "../channel-adapter";

export const chatAdapter: ChannelAdapter = {
  // A chat reply reaches the visitor through the message.created event that the realtime
  // listener sends to the visitor's room once the transaction commits.
  async send() {},
};
