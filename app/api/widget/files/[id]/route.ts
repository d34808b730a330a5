import { z } from "zod";
import { isValidFileSignature } from "@/lib/channels/chat/file-links";
import { attachmentResponse } from "@/lib/tickets/attachment-response";

export const dynamic = "force-dynamic";

/** A chat attachment for a visitor: the signed link we gave them is the permission. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const signature = new URL(request.url).searchParams.get("sig") ?? "";
  if (!z.uuid().safeParse(id).success || !isValidFileSignature(id, signature)) return new Response("Not found", { status: 404 });
  return attachmentResponse(id);
}
