import type { Transaction } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { sealSecrets } from "@/lib/channels/secret-box";
import type { PhoneChannelSecrets, PhoneChannelSettings } from "@/lib/channels/phone/phone-channel-config";
import { defaultPhoneGreeting } from "@/lib/channels/phone/phone-channel.validation";

// The demo workspace's phone line. Its Twilio account is made up: `npm run call:demo`
// plays Twilio's side with this token, so a call rings in the inbox without Twilio.
export const demoPhoneChannel = {
  name: "Hotline",
  settings: {
    phoneNumber: "+15555550100",
    twilioAccountSid: `AC${"de".repeat(16)}`,
    greeting: defaultPhoneGreeting,
    agentNumbers: ["+15555550190"],
  } satisfies PhoneChannelSettings,
  secrets: { twilioAuthToken: "demo-auth-token-not-a-real-twilio-token" } satisfies PhoneChannelSecrets,
};

export async function seedDemoPhoneChannel(tx: Transaction): Promise<void> {
  await tx.insert(channels).values({
    kind: "phone",
    name: demoPhoneChannel.name,
    settings: demoPhoneChannel.settings,
    sealedSecrets: sealSecrets(demoPhoneChannel.secrets),
  });
}
