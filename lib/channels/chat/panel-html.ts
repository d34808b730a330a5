import type { PanelConfig } from "./widget-protocol";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// JSON inside <script> must not be able to close the element.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * The page inside the widget's iframe: static markup and styles; widget/panel/panel.ts
 * fills it in. Kept as one small string so the panel needs no framework runtime.
 */
export function renderPanelHtml(config: PanelConfig, panelScriptUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(config.name)} chat</title>
<style>
:root{--brand:#2563eb;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827}
*{box-sizing:border-box}[hidden]{display:none!important}body{margin:0;height:100vh;display:flex;flex-direction:column;background:#fff}
header{background:var(--brand);color:#fff;padding:14px 16px;display:flex;gap:8px;align-items:flex-start}
header div{flex:1}h1{font-size:17px;margin:0}header p{margin:4px 0 0;font-size:14px}
button,input,textarea{font:inherit}
#tb-close{background:transparent;border:0;color:#fff;font-size:22px;line-height:1;padding:4px 8px;cursor:pointer;border-radius:6px}
:focus-visible{outline:3px solid #f59e0b;outline-offset:1px}
.note{margin:0;padding:8px 16px;font-size:14px;background:#fef3c7;color:#78350f}
#tb-away{background:#eff6ff;color:#1e3a8a;padding:8px 16px;font-size:14px}#tb-away p{margin:0 0 6px}
#tb-log-region{flex:1;min-height:0;display:flex;flex-direction:column}
#tb-log{flex:1;overflow-y:auto;list-style:none;margin:0;padding:12px 16px;display:flex;flex-direction:column;gap:8px}
.msg{max-width:85%;padding:8px 12px;border-radius:12px;background:#f3f4f6;overflow-wrap:anywhere}
.msg.mine{align-self:flex-end;background:var(--brand);color:#fff}
.who{display:block;font-size:12px;font-weight:600}.body{margin:2px 0;white-space:pre-wrap}
.meta{display:block;font-size:12px;text-align:right}.msg a{color:inherit}.msg img{max-width:100%;border-radius:6px;display:block}
.divider{align-self:center;font-size:12px;color:#4b5563}
#tb-typing{min-height:20px;margin:0 16px;font-size:13px;color:#4b5563}
#tb-error{margin:0 16px 6px;color:#b91c1c;font-size:14px}
form{margin:0}fieldset{border:0;margin:0;padding:0 16px 6px;display:grid;gap:6px}
label{font-size:13px;font-weight:600;color:#374151}
input[type=text],input[type=email],textarea{width:100%;border:1px solid #6b7280;border-radius:8px;padding:8px 10px;color:#111827}
#tb-composer{border-top:1px solid #e5e7eb;padding:10px 0 12px}.row{display:flex;gap:8px;padding:0 16px;align-items:flex-end}
textarea{resize:none;height:44px}.send{background:var(--brand);color:#fff;border:0;border-radius:8px;padding:10px 14px;cursor:pointer}
#tb-upload{cursor:pointer;padding:10px 4px;font-size:20px;color:#374151}#tb-upload input{position:absolute;opacity:0;width:1px;height:1px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
#tb-offline{display:flex;gap:6px}#tb-offline button{background:#1e3a8a;color:#fff;border:0;border-radius:8px;padding:6px 10px}
</style>
<script id="tb-config" type="application/json">${scriptJson(config)}</script>
<script src="${escapeHtml(panelScriptUrl)}" defer></script>
</head><body>
<header><div><h1 id="tb-title"></h1><p id="tb-greeting"></p></div>
<button type="button" id="tb-close" aria-label="Close chat">×</button></header>
<main aria-labelledby="tb-title" style="display:flex;flex-direction:column;flex:1;min-height:0">
<p id="tb-status" class="note" role="status" hidden></p>
<div id="tb-away" hidden><p id="tb-away-text"></p><p id="tb-away-email"></p>
<form id="tb-offline" hidden><label class="sr" for="tb-offline-email">Your email for our answer</label>
<input id="tb-offline-email" type="email" required placeholder="you@example.com" autocomplete="email">
<button type="submit">Send me the answer</button></form></div>
<div id="tb-log-region" role="log" aria-live="polite" aria-label="Conversation"><ol id="tb-log" aria-label="Messages" tabindex="0"></ol></div>
<p id="tb-typing" role="status"></p>
<p id="tb-error" role="alert" hidden></p>
<form id="tb-composer">
<fieldset id="tb-prechat" hidden><legend class="sr">About you</legend>
<label for="tb-name">Name</label><input id="tb-name" type="text" autocomplete="name" maxlength="200">
<label for="tb-email">Email</label><input id="tb-email" type="email" autocomplete="email" maxlength="320"></fieldset>
<div class="row"><label id="tb-upload" title="Attach a file"><span aria-hidden="true">📎</span><span class="sr">Attach a file</span><input id="tb-file" type="file"></label>
<label class="sr" for="tb-input">Message</label><textarea id="tb-input" placeholder="Write a message…" maxlength="5000"></textarea>
<button type="submit" class="send">Send</button></div></form></main>
</body></html>`;
}
