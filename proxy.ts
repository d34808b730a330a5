import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { newScriptNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { pagePath, requestPathHeader } from "@/lib/http/request-path";

// Every page request, before it renders:
// - the Content-Security-Policy with a nonce of its own, on the request too: Next.js reads
//   the nonce there and puts it on the scripts it writes into the page;
// - which address was asked for (lib/http/request-path.ts), so that someone signed out who
//   follows a link to a ticket is sent back to it after signing in.
// It decides nothing else: the pages check who is signed in.
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({ nonce: newScriptNonce(), development: getEnv().NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, pagePath(request.nextUrl));
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: not the API and auth routes, Next's own files, the chat widget (its files and
  // its panel, which other sites frame) or attachments, which set their own policies.
  matcher: ["/((?!api/|_next/|widget|attachments/).*)"],
};
