import { twilioSid } from "@/lib/channels/phone/twilio-simulator";
import { serveRoutes } from "./route-server";

// A real HTTP server standing in for Twilio's REST API (Calls.json), for tests that place
// calls: it checks the request as Twilio would (Basic auth with the account's SID and auth
// token, a form body with To, From and Url) and answers in Twilio's shapes.

export type PlacedCallRequest = { authorized: boolean; params: URLSearchParams; answeredWith: number; callSid: string | null };

export async function startTwilioApiStandIn(
  account: { accountSid: string; authToken: string },
  options: {
    refuse?: boolean;
    /** Runs before the answer, as Twilio's first status callback can arrive before its API answers. */
    beforeAnswer?: (callSid: string, params: URLSearchParams) => Promise<void>;
  } = {},
) {
  const requests: PlacedCallRequest[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`;
  const server = await serveRoutes({
    [`/2010-04-01/Accounts/${account.accountSid}/Calls.json`]: async (request) => {
      const authorized = request.headers.get("authorization") === expectedAuth;
      const params = new URLSearchParams(await request.text());
      const record = (status: number, callSid: string | null = null) => {
        requests.push({ authorized, params, answeredWith: status, callSid });
        return status;
      };
      if (!authorized) {
        return Response.json({ code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: record(401) }, { status: 401 });
      }
      if (request.method !== "POST" || !request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
        return Response.json({ code: 20001, message: "Bad request", status: record(400) }, { status: 400 });
      }
      const missing = ["To", "From", "Url"].find((name) => !params.get(name));
      if (missing) return Response.json({ code: 21201, message: `No '${missing}' number is specified`, status: record(400) }, { status: 400 });
      if (options.refuse) {
        return Response.json({ code: 21215, message: "Geo Permission configuration is not permitting call", status: record(400) }, { status: 400 });
      }
      const sid = twilioSid("CA");
      await options.beforeAnswer?.(sid, params);
      record(201, sid);
      return Response.json(
        { sid, account_sid: account.accountSid, to: params.get("To"), from: params.get("From"), status: "queued", direction: "outbound-api" },
        { status: 201 },
      );
    },
  });
  return { url: server.url, requests, close: server.close };
}
