import { expect, test } from "./fixtures";

// Requests Next.js would answer with a plain-text 500 and a logged error: server.ts
// refuses them first with a clean JSON 4xx (lib/http/early-refusal.ts).

test("a path with bad percent-encoding is a JSON 400, not a 500", async ({ request }) => {
  for (const path of ["/api/v1/tickets/%E0%A4%A", "/tickets/%E0%A4%A"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
  }
});

test("a server action posted from another site is a 403", async ({ request }) => {
  const response = await request.post("/inbox", {
    headers: { origin: "http://evil.example", "next-action": "7f0000000000000000000000000000000000000000", "content-type": "text/plain" },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
});
