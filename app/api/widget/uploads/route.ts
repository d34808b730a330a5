import { errorResponse } from "@/lib/api/api-errors";
import { findChatChannelByKey } from "@/lib/channels/chat/chat-channel";
import { uploadMaxBytes } from "@/lib/channels/chat/panel-config";
import { RateLimiter } from "@/lib/channels/chat/rate-limiter";
import { storeVisitorUpload } from "@/lib/channels/chat/store-visitor-upload";
import { verifyVisitorToken } from "@/lib/channels/chat/visitor-token";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";

export const dynamic = "force-dynamic";

const uploadsPerVisitor = new RateLimiter(20, 10 * 60_000);

/**
 * A file from the chat panel (same origin as the app): the raw bytes as the body, its type
 * in Content-Type and its name in X-File-Name. The visitor proves who they are with the
 * token and anonymous id the widget socket gave them.
 */
export async function POST(request: Request) {
  try {
    const key = new URL(request.url).searchParams.get("key") ?? "";
    const token = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    const anonymousId = request.headers.get("x-anonymous-id") ?? "";
    const channel = key && key.length <= 100 ? await findChatChannelByKey(db(), key) : null;
    const claims = channel ? verifyVisitorToken(token, { channelId: channel.id, anonymousId }) : null;
    if (!channel || !claims || (channel.settings.requireIdentity && !claims.identified)) {
      throw new AppError("unauthorized", "Please reload the page and try again.");
    }
    if (!uploadsPerVisitor.take(claims.customerId)) throw new AppError("rate_limited", "Too many files. Please wait a few minutes.");
    if (Number(request.headers.get("content-length") ?? 0) > uploadMaxBytes) {
      throw new AppError("payload_too_large", `Files can be at most ${uploadMaxBytes / 1024 / 1024} MB.`);
    }
    const bytes = new Uint8Array(await request.arrayBuffer());
    const upload = await storeVisitorUpload(
      { ...claims, address: clientAddress(request) },
      {
        name: decodedName(request.headers.get("x-file-name")),
        contentType: (request.headers.get("content-type") ?? "").split(";")[0]!.trim(),
        bytes,
      },
    );
    return Response.json(upload, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}

function decodedName(header: string | null): string {
  try {
    return decodeURIComponent(header ?? "file");
  } catch {
    return "file";
  }
}
