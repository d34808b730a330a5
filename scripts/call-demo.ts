import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { findPhoneChannel } from "@/lib/channels/phone/find-phone-channel";
import { phoneWebhookUrls } from "@/lib/channels/phone/phone-channel-config";
import { SimulatedCall, signedTwilioRequest, type SimulatedWebhook } from "@/lib/channels/phone/twilio-simulator";
import { listChannels } from "@/lib/channels/list-channels";
import { closeDatabase, connectDatabase } from "@/lib/db/client";
import { openDatabaseServer } from "@/lib/db/database-server";
import { appUrl } from "@/lib/env";

// npm run call:demo [-- --from +15555550123] [-- --missed]: plays a phone call into the
// running app as Twilio would, with signed webhooks, using the first phone channel's auth
// token from the database. Watch the inbox: the call rings, then ends answered (or, with
// --missed, leaves a voicemail with its transcript and a call-back task).

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: "string" }, missed: { type: "boolean" } }, strict: true });
  const from = values.from ?? "+15555550123";
  const database = await openDatabaseServer();
  try {
    const db = connectDatabase(database.url, { max: 1 });
    const [first] = await listChannels(db, { kind: "phone" });
    const channel = first && (await findPhoneChannel(db, first.id));
    if (!channel) {
      process.stderr.write("call:demo: no phone channel yet: create one in Settings → Channels (the demo workspace has one)\n");
      return 1;
    }
    const origin = appUrl();
    const call = new SimulatedCall({
      accountSid: channel.settings.twilioAccountSid,
      webhooks: phoneWebhookUrls(origin, channel.id),
      from,
      to: channel.settings.phoneNumber,
    });
    const send = async (label: string, webhook: SimulatedWebhook) => {
      const { url, init } = signedTwilioRequest(channel.secrets.twilioAuthToken, webhook);
      const response = await fetch(url, init);
      const body = await response.text();
      process.stdout.write(`${label.padEnd(34)} ${response.status}  ${body.replace(/<\?xml[^>]*>/, "").slice(0, 160)}\n`);
      if (!response.ok) throw new Error(`${url} answered ${response.status}: is the app running at ${origin}?`);
    };

    process.stdout.write(`Calling ${channel.settings.phoneNumber} ("${channel.name}") from ${from} at ${origin}\n\n`);
    await send("incoming call (ringing)", call.incoming());
    await sleep(4000);
    if (values.missed) {
      await send("nobody answered the dial", call.dialEnded("no-answer"));
      await sleep(2000);
      await send("voicemail recorded", call.recording(18));
      await send("call completed", call.status("completed", 31));
      await sleep(1500);
      await send("transcript ready", call.transcription("Hi, this is a demo caller. My parcel hasn't arrived, please call me back."));
    } else {
      await send("an agent picked up", call.status("in-progress"));
      await sleep(4000);
      await send("the agent hung up", call.dialEnded("completed", 95));
      await send("call completed", call.status("completed", 97));
    }
    process.stdout.write(`\nDone: open ${origin}/inbox to see the call's ticket.\n`);
    return 0;
  } finally {
    await closeDatabase();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`call:demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
