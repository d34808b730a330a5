import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findChatChannelByKey } from "@/lib/channels/chat/chat-channel";
import { panelConfig } from "@/lib/channels/chat/panel-config";
import { renderPanelHtml } from "@/lib/channels/chat/panel-html";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

let panelVersion: string | undefined;
// The bundle's content hash in its URL: browsers may cache it for good, and a new build
// is fetched at once.
const versionOfPanel = () =>
  (panelVersion ??= createHash("sha256")
    .update(readFileSync(path.join(process.cwd(), "public/widget/panel.js")))
    .digest("hex")
    .slice(0, 12));

/**
 * The page inside the widget's iframe. Only the channel's allowed origins may frame it
 * (frame-ancestors), and it may load nothing but our own script and socket.
 */
export async function GET(request: Request) {
  const key = new URL(request.url).searchParams.get("key") ?? "";
  const channel = key.length <= 100 ? await findChatChannelByKey(db(), key) : null;
  if (!channel) {
    return new Response("This chat is not available.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "content-security-policy": "frame-ancestors 'none'" },
    });
  }
  const config = panelConfig(channel);
  const policy = [
    `frame-ancestors ${config.allowedOrigins.join(" ")}`,
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' blob: data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return new Response(renderPanelHtml(config, `/widget/panel.js?v=${versionOfPanel()}`), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": policy,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
}
