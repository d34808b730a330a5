import { createServer } from "node:http";
import { demoWidgetKey } from "./demo-chat-channel";

const pages: Record<string, { title: string; body: string }> = {
  "/": { title: "Acme Outdoor — demo shop", body: "<p>Tents, boots and jackets for every weather. This page is another website than Touchbase: the chat button in the corner is the widget, embedded with one script tag.</p>" },
  "/boots": { title: "Trail boots — Acme Outdoor", body: "<p>Waterproof trail boots, sizes 36 to 48. €129.</p>" },
  "/returns": { title: "Returns — Acme Outdoor", body: "<p>Send anything back within 30 days. Ask us in the chat if you need a label.</p>" },
};

/**
 * A tiny shop website on its own port (so on another origin than the app) with the chat
 * widget embedded exactly as a customer's site would: for trying the chat as a customer.
 */
export function startDemoShop(options: { port: number; host: string; appUrl: string }): Promise<{ url: string; close: () => Promise<void> }> {
  const snippet = `<script src="${options.appUrl}/widget.js" data-key="${demoWidgetKey}" async></script>`;
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? "/", "http://shop").pathname];
    if (!page) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    const nav = Object.entries(pages)
      .map(([path, p]) => `<a href="${path}">${p.title.split(" — ")[0]}</a>`)
      .join(" · ");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${page.title}</title>` +
        `<style>body{font-family:Georgia,serif;max-width:720px;margin:40px auto;padding:0 16px;color:#292524}a{color:#0f766e}</style></head>` +
        `<body><header><strong>Acme Outdoor</strong> <nav>${nav}</nav></header><main><h1>${page.title.split(" — ")[0]}</h1>${page.body}</main>${snippet}</body></html>`,
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () =>
      resolve({
        url: `http://localhost:${options.port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
