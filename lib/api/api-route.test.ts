import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey } from "@/lib/testing/factories";
import { apiRoute } from "./api-route";
import { maxBodyBytes } from "./read-json-body";

let key: string;
beforeAll(async () => {
  ({ key } = await createTestApiKey());
});

const echo = apiRoute(
  {
    params: z.object({ id: z.uuid({ error: "Thing not found" }) }),
    query: z.object({ n: z.coerce.number().int().optional() }),
    body: z.object({ name: z.string().min(1), tags: z.array(z.string()).max(2).optional() }),
  },
  async ({ actor, params, query, body }) => Response.json({ actor: actor.type, params, query, body }),
);
const id = "3f1c1f9e-8a63-4c1e-9a4f-2b0f1f6f7a10";

async function errorOf(response: Response) {
  const json: unknown = await response.json();
  return { status: response.status, json };
}

describe("apiRoute", () => {
  it("passes the authenticated actor and the parsed params, query and body to the handler", async () => {
    const response = await echo(apiRequest("/x?n=3", { key, json: { name: "a" } }), routeParams({ id }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ actor: "api_key", params: { id }, query: { n: 3 }, body: { name: "a" } });
  });

  it("authenticates before reading anything else", async () => {
    for (const key of [null, "", "tb_not-a-real-key", "not-even-the-format"]) {
      const response = await echo(apiRequest("/x?n=zzz", { key, body: "{not json" }), routeParams({ id: "bad" }));
      expect(await errorOf(response)).toEqual({
        status: 401,
        json: { error: { code: "unauthorized", message: expect.any(String) } },
      });
    }
    const wrongScheme = await echo(
      apiRequest("/x", { headers: { authorization: `Basic ${key}` }, json: { name: "a" } }),
      routeParams({ id }),
    );
    expect(wrongScheme.status).toBe(401);
  });

  it("answers 404 for a malformed route param before validating the body", async () => {
    const response = await echo(apiRequest("/x", { key, json: {} }), routeParams({ id: "../../etc" }));
    expect(await errorOf(response)).toEqual({
      status: 404,
      json: { error: { code: "not_found", message: "Thing not found" } },
    });
  });

  it("answers 400 bad_request for a body that is not JSON", async () => {
    for (const body of ["{not json", ""]) {
      const response = await echo(apiRequest("/x", { key, method: "POST", body }), routeParams({ id }));
      expect(await errorOf(response)).toMatchObject({ status: 400, json: { error: { code: "bad_request" } } });
    }
  });

  it("answers 400 validation_failed with each field's path and message", async () => {
    const response = await echo(
      apiRequest("/x?n=1.5", { key, json: { name: "", tags: ["a", "b", "c"] } }),
      routeParams({ id }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "validation_failed", details: [{ path: "n", message: expect.any(String) }] },
    });

    const bodyErrors = await echo(apiRequest("/x", { key, json: { name: "", tags: ["a", "b", "c"] } }), routeParams({ id }));
    const json = (await bodyErrors.json()) as { error: { details: { path: string }[] } };
    expect(json.error.details.map((d) => d.path).sort()).toEqual(["name", "tags"]);
  });

  it("refuses a body over 1 MB with 413, whether or not its length is declared", async () => {
    const big = JSON.stringify({ name: "x".repeat(maxBodyBytes) });
    const declared = await echo(
      apiRequest("/x", { key, method: "POST", body: big, headers: { "content-length": String(big.length) } }),
      routeParams({ id }),
    );
    expect(await errorOf(declared)).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });

    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: the reader must stop counting at the limit, not at the end.
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await echo(apiRequest("/x", { key, method: "POST", body: stream }), routeParams({ id }));
    expect(await errorOf(streamed)).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    expect(sent).toBeLessThan(maxBodyBytes * 2);
  });

  it("accepts a body of exactly 1 MB", async () => {
    const name = "x".repeat(maxBodyBytes - JSON.stringify({ name: "" }).length);
    const response = await echo(apiRequest("/x", { key, json: { name } }), routeParams({ id }));
    expect(response.status).toBe(200);
  });

  it("maps an AppError to its status and code", async () => {
    const conflict = apiRoute({}, async () => {
      throw new AppError("conflict", "Already done", { hint: "reload" });
    });
    expect(await errorOf(await conflict(apiRequest("/x", { key })))).toEqual({
      status: 409,
      json: { error: { code: "conflict", message: "Already done", details: { hint: "reload" } } },
    });
  });

  it("answers 500 internal_error without leaking the cause for anything else, database errors included", async () => {
    const crashing = apiRoute({}, async () => {
      throw new Error("secret connection string postgres://u:p@host (expected in this test)");
    });
    const failingQuery = apiRoute({}, async () => {
      await db().execute(sql`select 1 / 0`);
      return Response.json({});
    });

    for (const handler of [crashing, failingQuery]) {
      const response = await handler(apiRequest("/x", { key }));
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
      expect(text).not.toMatch(/secret|postgres|division/i);
    }
  });
});
