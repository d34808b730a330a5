import { getEnv } from "@/lib/env";

// The one request Touchbase makes to Twilio's REST API: place a call. The base URL is
// TWILIO_API_BASE_URL (https://api.twilio.com), so tests and staging reach a stand-in.

export type PlaceCallRequest = {
  accountSid: string;
  authToken: string;
  /** Who Twilio rings first. */
  to: string;
  /** The channel's number, shown as the caller. */
  from: string;
  /** Asked for TwiML once `to` answers. */
  url: string;
  statusCallback: string;
};

export type PlaceCallResult = { ok: true; callSid: string } | { ok: false; reason: string };

const timeoutMs = 10_000;

/** POST /2010-04-01/Accounts/{AccountSid}/Calls.json, as Twilio documents it; never throws. */
export async function placeTwilioCall(request: PlaceCallRequest): Promise<PlaceCallResult> {
  const url = `${getEnv().TWILIO_API_BASE_URL}/2010-04-01/Accounts/${encodeURIComponent(request.accountSid)}/Calls.json`;
  const body = new URLSearchParams({
    To: request.to,
    From: request.from,
    Url: request.url,
    Method: "POST",
    StatusCallback: request.statusCallback,
    StatusCallbackMethod: "POST",
  });
  for (const event of ["initiated", "ringing", "answered", "completed"]) body.append("StatusCallbackEvent", event);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${request.accountSid}:${request.authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = (await response.json().catch(() => null)) as { sid?: unknown; message?: unknown; code?: unknown } | null;
    if (response.ok && typeof answer?.sid === "string" && /^CA[0-9a-fA-F]{32}$/.test(answer.sid)) return { ok: true, callSid: answer.sid };
    const said = typeof answer?.message === "string" ? answer.message.slice(0, 300) : `HTTP ${response.status}`;
    return { ok: false, reason: `Twilio refused the call: ${said}${typeof answer?.code === "number" ? ` (error ${answer.code})` : ""}` };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return { ok: false, reason: timedOut ? "Twilio did not answer within 10 seconds" : "Twilio could not be reached" };
  }
}
