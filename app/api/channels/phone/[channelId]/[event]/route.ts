import { answerTwilioWebhook } from "@/lib/channels/phone/answer-twilio-webhook";

// Twilio's voice webhooks for one phone channel: voice, dial, status, recording, transcription.
export async function POST(request: Request, context: { params: Promise<{ channelId: string; event: string }> }) {
  return answerTwilioWebhook(request, await context.params);
}
