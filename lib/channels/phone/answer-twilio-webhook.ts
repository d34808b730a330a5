import { z } from "zod";
import { errorResponse, validationFailed } from "@/lib/api/api-errors";
import { readBodyText } from "@/lib/api/read-json-body";
import { db } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/client-address";
import { findPhoneChannelCached, type PhoneChannel } from "./find-phone-channel";
import { callHandling, phoneWebhookUrls } from "./phone-channel-config";
import { recordCallEvent, type RecordedCallEvent } from "./record-call-event";
import { dialEndedTwiml, emptyTwiml, hangupTwiml, incomingCallTwiml, outboundCallTwiml, outboundDialEndedTwiml, type PhoneWebhookUrls } from "./twiml";
import { formParams, isValidTwilioSignature } from "./twilio-signature";
import { phoneWebhookSchemas, type ParsedPhoneWebhook, type PhoneWebhookEvent } from "./twilio-webhook.validation";

// Twilio's form posts are small; anything larger is not from Twilio.
const maxWebhookBytes = 64 * 1024;

const webhookParams = z.object({
  channelId: z.uuid("Unknown phone channel"),
  event: z.enum(Object.keys(phoneWebhookSchemas) as [PhoneWebhookEvent, ...PhoneWebhookEvent[]], "Unknown webhook"),
});

/**
 * One Twilio voice webhook, end to end: the channel, then the signature over the URL Twilio
 * requested and every form parameter (403 and nothing changes when it does not match, or
 * when the request is for another Twilio account), then the call event, then the TwiML
 * that tells Twilio what to do next.
 */
export async function answerTwilioWebhook(request: Request, rawParams: unknown): Promise<Response> {
  try {
    const route = webhookParams.safeParse(rawParams);
    if (!route.success) throw notFound("Webhook");
    const channel = await findPhoneChannelCached(db(), route.data.channelId);
    if (!channel) throw notFound("Phone channel");

    const params = formParams(new URLSearchParams(await readBodyText(request, maxWebhookBytes)));
    // Twilio signs the URL it was told to call: the public base URL (APP_URL), or else this
    // request's host and scheme as the trusted proxy reported them (TRUST_PROXY).
    const origin = publicOrigin(request);
    const requestUrl = new URL(request.url);
    const signedUrl = `${origin}${requestUrl.pathname}${requestUrl.search}`;
    if (!isValidTwilioSignature(channel.secrets.twilioAuthToken, request.headers.get("x-twilio-signature"), signedUrl, params)) {
      throw forbidden("The X-Twilio-Signature header does not match this request");
    }

    const parsed = phoneWebhookSchemas[route.data.event].safeParse(params);
    if (!parsed.success) throw validationFailed(parsed.error, "The webhook's parameters are not valid");
    if (parsed.data.accountSid !== channel.settings.twilioAccountSid) {
      throw forbidden("This request is for another Twilio account");
    }

    const { call, event } = parsed.data;
    // A call Touchbase placed names itself in the URLs it gave Twilio (covered by the signature).
    const placedCallId = z.uuid().safeParse(requestUrl.searchParams.get("call")).data;
    const recorded = await recordCallEvent(channel, call, event, flatParams(params), placedCallId);
    const urls = phoneWebhookUrls(origin, channel.id);
    return twimlResponse(nextTwiml(route.data.event, channel, parsed.data, recorded, { ...urls, dial: placedCallId ? `${urls.dial}?call=${placedCallId}` : urls.dial }));
  } catch (error) {
    return errorResponse(error, request);
  }
}

function nextTwiml(
  kind: PhoneWebhookEvent,
  channel: PhoneChannel,
  webhook: ParsedPhoneWebhook,
  call: RecordedCallEvent,
  urls: PhoneWebhookUrls,
): string {
  const answered = webhook.event.type === "dial" && webhook.event.answered;
  switch (kind) {
    case "voice":
      return incomingCallTwiml({ ...callHandling(channel), urls });
    case "outbound":
      // Only a call Touchbase placed is bridged to its customer; anything else just ends.
      return call.direction === "outbound"
        ? outboundCallTwiml({
            customerNumber: call.toNumber,
            callerId: channel.settings.phoneNumber,
            recordCalls: callHandling(channel).recordCalls,
            dialUrl: urls.dial,
            recordingUrl: urls.recording,
          })
        : hangupTwiml();
    case "dial":
      return call.direction === "outbound"
        ? outboundDialEndedTwiml(answered)
        : dialEndedTwiml({ answered, voicemail: callHandling(channel).voicemail, urls });
    case "recording":
      // The <Record> action: the message is taken; Twilio ignores the body of the status callback.
      return hangupTwiml();
    default:
      return emptyTwiml();
  }
}

function twimlResponse(xml: string): Response {
  return new Response(xml, { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } });
}

function flatParams(params: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.join(",") : value]));
}
