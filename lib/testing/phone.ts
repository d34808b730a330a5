import { randomInt } from "node:crypto";
import { POST as phoneWebhookRoute } from "@/app/api/channels/phone/[channelId]/[event]/route";
import { createChannel } from "@/lib/channels/create-channel";
import { phoneWebhookUrls } from "@/lib/channels/phone/phone-channel-config";
import {
  SimulatedCall,
  signedTwilioRequest,
  twilioSid,
  type PhoneWebhooks,
  type SimulatedWebhook,
} from "@/lib/channels/phone/twilio-simulator";
import { createTestApiKey, uniqueSuffix } from "./factories";

// Phone channels and Twilio's signed webhooks for tests: the route handler gets the same
// form-encoded, signed request Twilio would send.

export type TestPhoneChannel = {
  id: string;
  phoneNumber: string;
  accountSid: string;
  authToken: string;
  webhooks: PhoneWebhooks;
};

/** A phone number no other test uses (the 555 range is fictional). */
export function uniquePhoneNumber(): string {
  return `+1555${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
}

export async function createTestPhoneChannel(
  options: { agentNumbers?: string[]; greeting?: string; origin?: string; voicemail?: boolean; recordCalls?: boolean } = {},
): Promise<TestPhoneChannel> {
  const { actor } = await createTestApiKey({ name: "phone test" });
  const accountSid = twilioSid("AC");
  const authToken = `tok_${uniqueSuffix()}${uniqueSuffix()}`;
  const phoneNumber = uniquePhoneNumber();
  const channel = await createChannel(actor, {
    kind: "phone",
    name: `Hotline ${uniqueSuffix()}`,
    phoneNumber,
    twilioAccountSid: accountSid,
    twilioAuthToken: authToken,
    greeting: options.greeting ?? "Thanks for calling Acme.",
    agentNumbers: options.agentNumbers ?? [],
    voicemail: options.voicemail ?? true,
    recordCalls: options.recordCalls ?? false,
  });
  return {
    id: channel.id,
    phoneNumber,
    accountSid,
    authToken,
    webhooks: phoneWebhookUrls(options.origin ?? "http://localhost:3000", channel.id),
  };
}

export function simulateCall(channel: TestPhoneChannel, from = uniquePhoneNumber()): SimulatedCall {
  return new SimulatedCall({ accountSid: channel.accountSid, webhooks: channel.webhooks, from, to: channel.phoneNumber });
}

/**
 * Calls the webhook route handler with a request as Twilio sends it. `headers` and the
 * signing options stand in for a proxy in front of the app and for forgeries.
 */
export async function postTwilioWebhook(
  channel: Pick<TestPhoneChannel, "authToken">,
  webhook: SimulatedWebhook,
  options: { signedUrl?: string; signature?: string; requestUrl?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const { url, init } = signedTwilioRequest(channel.authToken, webhook, options);
  const requestUrl = new URL(options.requestUrl ?? url);
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  if (options.signature === "") headers.delete("x-twilio-signature");
  const [, , , , channelId, event] = requestUrl.pathname.split("/");
  return phoneWebhookRoute(new Request(requestUrl, { ...init, headers }), {
    params: Promise.resolve({ channelId: channelId!, event: event! }),
  });
}
