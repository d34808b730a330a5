import { z } from "zod";
import { openAttachment } from "@/lib/channels/email/attachment-download";
import { getCurrentUser } from "@/lib/auth/current-user";
import { userActor } from "@/lib/auth/users";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Files customers sent are for signed-in staff only: a session cookie, not an API key.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response("Sign in to see this file", { status: 401 });
  const id = z.uuid().safeParse((await context.params).id);
  if (!id.success) return new Response("Not found", { status: 404 });
  try {
    const { headers, body } = await openAttachment(userActor(user), id.data);
    return new Response(new Uint8Array(body), { headers });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
