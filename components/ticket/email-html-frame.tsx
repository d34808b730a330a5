"use client";

import { useMemo, useState } from "react";

// The second wall around a customer's HTML mail (the first is the server's allow-list in
// lib/channels/email/sanitize-email-html.ts): a sandboxed iframe without scripts or a
// same-origin identity, whose own CSP lets nothing load — not even images — until the
// agent asks for the remote ones. Remote images are held as data-remote-src.

const blockedPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const imagesPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:";

function documentFor(html: string, showImages: boolean): string {
  const body = showImages ? html.replace(/\sdata-remote-src="/g, ' src="') : html;
  const policy = showImages ? imagesPolicy : blockedPolicy;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><base target="_blank"><style>body{margin:0;font:14px/1.5 system-ui,sans-serif;color:#18181b;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:2px solid #d4d4d8;color:#52525b}</style></head><body>${body}</body></html>`;
}

export function EmailHtmlFrame({ html, title }: { html: string; title: string }) {
  const [showImages, setShowImages] = useState(false);
  const hasRemoteImages = html.includes("data-remote-src=");
  const srcDoc = useMemo(() => documentFor(html, showImages), [html, showImages]);
  return (
    <div className="flex flex-col gap-1.5">
      {hasRemoteImages && !showImages && (
        <p className="flex items-center gap-2 text-xs text-zinc-600">
          Remote images are blocked.
          <button type="button" onClick={() => setShowImages(true)} className="font-medium text-indigo-700 underline hover:text-indigo-600">
            Load images
          </button>
        </p>
      )}
      <iframe
        title={title}
        srcDoc={srcDoc}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        className="h-72 w-full resize-y rounded border border-zinc-200 bg-white"
      />
    </div>
  );
}
