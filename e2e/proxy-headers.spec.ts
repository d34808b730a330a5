import { expect, test } from "./fixtures";

// The e2e server runs with TRUST_PROXY unset: no proxy is trusted, so forwarded headers are anyone's.

test("a forged X-Forwarded-Host does not steer sign-in redirects to another host", async ({ request, baseURL }) => {
  const response = await request.get("/api/auth/signin?callbackUrl=%2Ftickets", {
    headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const location = response.headers().location ?? "";
  expect(decodeURIComponent(location)).toContain(`${baseURL}/tickets`);
  expect(location).not.toContain("evil.example");
});

test("a callback URL on a look-alike host is answered with a redirect home, not a server error", async ({
  request,
  baseURL,
}) => {
  const lookAlike = `${baseURL}.evil.example/`;
  const response = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(lookAlike)}`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location ?? "").not.toContain("evil.example");
});
