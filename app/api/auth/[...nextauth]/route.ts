import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, sameOriginRedirect } from "@/lib/auth/auth-options";
import { publicOrigin } from "@/lib/http/client-address";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so the secret comes from the validated environment.
async function handler(request: NextRequest, context: RouteContext) {
  // next-auth answers a callbackUrl it cannot parse (`http://localhost:3000.evil.example/`)
  // with a 500 before any callback of ours runs: it only ever sees one on our origin.
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null) {
    request.nextUrl.searchParams.set("callbackUrl", sameOriginRedirect({ url: callbackUrl, baseUrl: publicOrigin(request) }));
  }
  return NextAuth(request as never, { params: await context.params } as never, authOptions());
}

export { handler as GET, handler as POST };
