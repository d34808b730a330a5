import { createServer, type Server } from "node:http";

/**
 * Someone else's website: a page on another port (so another origin than the app) that
 * embeds the widget with the snippet, as a customer's shop would. `identity` plays the
 * shop's server signing its signed-in user for the widget.
 */
export class ShopSite {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(port: number, appUrl: string): Promise<ShopSite> {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://shop");
      const key = url.searchParams.get("key") ?? "";
      const identity = url.searchParams.get("identity");
      const settings = identity ? `<script>window.touchbaseSettings = ${JSON.stringify({ identityToken: identity })};</script>` : "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
          `<title>Shop ${url.pathname}</title><style>body{font-family:serif;color:#a00000}button{all:unset}</style></head>` +
          `<body><main><h1>Test shop</h1><p>Page ${url.pathname}</p></main>${settings}` +
          `<script src="${appUrl}/widget.js" data-key="${key}" async></script></body></html>`,
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
    return new ShopSite(server, `http://127.0.0.1:${port}`);
  }

  page(key: string, options: { path?: string; identity?: string } = {}): string {
    const query = new URLSearchParams({ key, ...(options.identity ? { identity: options.identity } : {}) });
    return `${this.origin}${options.path ?? "/"}?${query}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
