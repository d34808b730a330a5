// Builds the Request objects a route handler receives, so API tests call handlers directly.

export function apiRequest(
  path: string,
  options: { method?: string; key?: string | null; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body = options.body;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  }
  return new Request(new URL(path, "http://localhost:3000"), {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    // Required by Node's fetch for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
}

export function routeParams<P extends Record<string, string>>(params: P) {
  return { params: Promise.resolve(params) };
}
