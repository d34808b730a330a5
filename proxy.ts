import { NextResponse, type NextRequest } from "next/server";
import { pagePath, requestPathHeader } from "@/lib/http/request-path";

// Tells the page being rendered which address was asked for (lib/http/request-path.ts),
// so that someone signed out who follows a link to a ticket is sent back to it after
// signing in. It decides nothing itself: the pages check who is signed in.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, pagePath(request.nextUrl));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, auth, Next's own files, or the sign-in and setup pages.
  matcher: ["/((?!api/|_next/|login|setup).*)"],
};
