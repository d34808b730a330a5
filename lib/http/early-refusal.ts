import type { IncomingMessage } from "node:http";
import type { ErrorCode } from "@/lib/errors";
import { isSameOrigin } from "@/lib/realtime/same-origin";

export type EarlyRefusal = { code: ErrorCode; message: string };

/**
 * Requests server.ts answers with a clean 4xx before Next.js sees them, because Next.js
 * would answer them with a 500 and an error in the log:
 * - a path that is not valid percent-encoding (`/api/v1/tickets/%E0%A4%A`), which Next.js
 *   fails to decode;
 * - a POST to a page from another site's page: pages take POSTs only for server actions,
 *   which Next.js refuses across origins (CSRF) by throwing.
 */
export function earlyRefusal(
  request: Pick<IncomingMessage, "method" | "url" | "headers">,
  appUrl: string | undefined,
  trustedProxyHops: number,
): EarlyRefusal | null {
  const path = (request.url ?? "/").split("?")[0]!;
  try {
    decodeURIComponent(path);
  } catch {
    return { code: "bad_request", message: "The URL's path is not valid percent-encoding" };
  }
  const isPage = !path.startsWith("/api/") && !path.startsWith("/socket.io/");
  if (request.method === "POST" && isPage && !isSameOrigin(request.headers, appUrl, trustedProxyHops)) {
    return { code: "forbidden", message: "Forms of this app can only be sent from its own pages" };
  }
  return null;
}
