import { createHmac, timingSafeEqual } from "node:crypto";

/** Form parameters as Twilio posts them; a name may repeat. */
export type TwilioParams = Record<string, string | string[]>;

/**
 * X-Twilio-Signature: base64 HMAC-SHA1, keyed with the account's auth token, of the full
 * URL Twilio requested (scheme, host, path and query) followed by every POST parameter's
 * name and value, sorted by name. A repeated name contributes each distinct value, sorted,
 * as Twilio's own helper library does.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += name + v;
  }
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/**
 * Whether `signature` is Twilio's for this request. Twilio signs the URL as configured,
 * which may or may not spell out the default port; both spellings are accepted, as by
 * Twilio's helper library. The comparison takes the same time whatever the signature.
 */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | null | undefined,
  url: string,
  params: TwilioParams,
): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature);
  return urlSpellings(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

function urlSpellings(url: string): string[] {
  const match = /^(https?:\/\/)([^/?#]*?)(:\d+)?([/?#].*)?$/i.exec(url);
  if (!match) return [url];
  const [, scheme, host, port, rest = ""] = match;
  const defaultPort = scheme!.toLowerCase() === "https://" ? ":443" : ":80";
  const withoutPort = scheme! + host + rest;
  const withPort = scheme! + host + (port ?? defaultPort) + rest;
  return port && port !== defaultPort ? [url] : [withoutPort, withPort];
}

/** A form-encoded body as the parameters Twilio signed: every value, in order, per name. */
export function formParams(body: URLSearchParams): TwilioParams {
  const params: TwilioParams = {};
  for (const name of new Set(body.keys())) {
    const values = body.getAll(name);
    params[name] = values.length === 1 ? values[0]! : values;
  }
  return params;
}
