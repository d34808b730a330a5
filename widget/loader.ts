// The script a website embeds: `<script src="https://<app>/widget.js" data-key="..." async>`.
// It stays tiny (≤ 3 KB gzipped, checked by `npm run size`) and touches the host page as
// little as it can: one element with a shadow root (no CSS leaks either way), a
// launcher button and, once the page has finished loading, the panel iframe served from
// our origin. Everything else happens inside the iframe.
import type { LoaderToPanel, PanelToLoader } from "./protocol";

type Settings = { identityToken?: string };
type Api = { identify(token: string): void; open(): void; close(): void };

const win = window as Window & { touchbaseSettings?: Settings; Touchbase?: Api };
const script = document.currentScript as HTMLScriptElement | null;
const key = script?.dataset.key;

if (script && key && !win.Touchbase) start(script, key);

function start(script: HTMLScriptElement, key: string) {
  const origin = new URL(script.src).origin;
  const storageKey = `touchbase:${key}`;
  let stored: { anonymousId?: string; token?: string } = {};
  try {
    stored = JSON.parse(localStorage.getItem(storageKey) ?? "{}");
  } catch {
    // Storage can be disabled or hold junk; the visitor then starts a new conversation.
  }
  let anonymousId = stored.anonymousId ?? crypto.randomUUID();
  let identity = win.touchbaseSettings?.identityToken;
  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  let open = false;

  const host = document.createElement("div");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>button{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border:0;border-radius:50%;" +
    "background:#2563eb;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer;z-index:2147483647;" +
    "display:grid;place-items:center}button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}" +
    "iframe{position:fixed;right:20px;bottom:88px;width:380px;height:min(600px,calc(100vh - 108px));border:0;" +
    "border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);z-index:2147483647;background:#fff}" +
    "iframe[hidden]{display:none}@media (max-width:480px){iframe{right:0;bottom:0;width:100vw;height:100%;border-radius:0}}</style>" +
    '<button type="button" aria-label="Open chat" aria-expanded="false">' +
    '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">' +
    '<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg></button>';
  const button = root.querySelector("button")!;

  const post = (message: LoaderToPanel) => {
    if (ready) frame?.contentWindow?.postMessage(message, origin);
  };
  const page = () => ({ id: crypto.randomUUID(), url: location.href, title: document.title, referrer: document.referrer });
  const save = (token: string | undefined) => {
    stored.token = token;
    try {
      localStorage.setItem(storageKey, JSON.stringify({ anonymousId, token }));
    } catch {
      // Without storage the conversation lasts as long as the page.
    }
  };
  const setOpen = (value: boolean) => {
    open = value;
    button.setAttribute("aria-expanded", String(open));
    button.setAttribute("aria-label", open ? "Close chat" : "Open chat");
    if (frame) frame.hidden = !open;
    post({ type: "tb:visibility", open });
    if (open) frame?.focus();
    else button.focus();
  };

  const firstPage = page();
  const mount = () => {
    frame = document.createElement("iframe");
    frame.title = "Chat with us";
    frame.hidden = !open;
    frame.src = `${origin}/widget/frame?key=${encodeURIComponent(key)}`;
    frame.addEventListener("load", () => {
      ready = true;
      post({ type: "tb:init", anonymousId, token: stored.token, identity, page: firstPage, open });
    });
    root.appendChild(frame);
  };

  addEventListener("message", (event: MessageEvent<PanelToLoader>) => {
    // Only our own iframe speaks to the loader.
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const message = event.data;
    if (message.type === "tb:token") {
      anonymousId = message.anonymousId;
      save(message.token);
    }
    else if (message.type === "tb:close") setOpen(false);
    else if (message.type === "tb:open") setOpen(true);
    else if (message.type === "tb:style") button.style.background = message.color;
  });

  button.addEventListener("click", () => setOpen(!open));

  // Single-page apps change the URL without a load; each change is a page view.
  let lastUrl = location.href;
  const reportPage = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    post({ type: "tb:page", page: page() });
  };
  for (const method of ["pushState", "replaceState"] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
      original.apply(this, args);
      reportPage();
    };
  }
  addEventListener("popstate", reportPage);

  win.Touchbase = {
    identify(token) {
      identity = token;
      post({ type: "tb:identify", identity: token });
    },
    open: () => setOpen(true),
    close: () => setOpen(false),
  };

  // The iframe waits for the host page to finish loading, so it never competes with it.
  const attach = () => {
    document.body.appendChild(host);
    mount();
  };
  if (document.readyState === "complete") attach();
  else addEventListener("load", attach, { once: true });
}
