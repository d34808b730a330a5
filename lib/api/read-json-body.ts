import { AppError } from "@/lib/errors";

export const maxBodyBytes = 1024 * 1024;

const tooLarge = (limit: number) => new AppError("payload_too_large", `The request body is larger than ${limit} bytes`);

/** Reads a body as text, refusing one over `limit` bytes. */
export async function readBodyText(request: Request, limit = maxBodyBytes): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}

/** Reads and parses a JSON body, refusing one over `limit` bytes. */
export async function readJsonBody(request: Request, limit = maxBodyBytes): Promise<unknown> {
  const text = await readBodyText(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON");
  }
}

/**
 * The raw body, refusing one over `limit` bytes. The declared length is checked first,
 * and the stream is counted too, because a chunked body declares none.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }

  return Buffer.concat(chunks);
}
