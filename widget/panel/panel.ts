// The chat panel inside the iframe, on our origin. Plain DOM and socket.io-client: the
// whole download stays far under the 60 KB budget (`npm run size`), where a React runtime
// alone would take most of it. Everything from the network is rendered as text.
import { io, type Socket } from "socket.io-client";
import type {
  Availability,
  PanelConfig,
  SyncResult,
  VisitorConversation,
  VisitorMessage,
  VisitorSession,
  WidgetError,
} from "@/lib/channels/chat/widget-protocol";
import { connectionErrors } from "@/lib/channels/chat/widget-protocol";
import type { LoaderToPanel, PageView, PanelToLoader } from "../protocol";
import { formatNextOpen } from "./format";
import { el, ui } from "./view";

type Conversation = { info: VisitorConversation; messages: Map<number, VisitorMessage> };
type Pending = { clientMessageId: string; body: string; attachmentIds: string[]; ticketId: string | null; failed?: string };
type Result<T> = ({ ok: true } & T) | { ok: false; error: WidgetError };

const config = JSON.parse(document.getElementById("tb-config")!.textContent!) as PanelConfig;
const typingIdleMs = 3000;

let parentOrigin: string | null = null;
let anonymousId = "";
let token: string | undefined;
let identity: string | undefined;
// Our token from while this browser was anonymous, sent once with a new identity so that
// the anonymous conversations move to the signed-in customer.
let anonymousToken: string | undefined;
let socket: Socket | null = null;
let session: VisitorSession | null = null;
let open = false;
let lastPage: PageView | null = null;
const conversations = new Map<string, Conversation>();
const pending: Pending[] = [];
let agentTyping: { ticketId: string; name: string | null } | null = null;
let agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
let typingSentAt = 0;
let typingStopTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 1000;

document.documentElement.style.setProperty("--brand", config.color);
ui.title.textContent = config.name;
ui.greeting.textContent = config.greeting;
ui.upload.hidden = config.uploads.types.length === 0;
ui.fileInput.accept = config.uploads.types.join(",");

// ── talking to the host page ──
addEventListener("message", (event: MessageEvent<LoaderToPanel>) => {
  // Only the page that embeds us, and only from an allowed origin (the frame-ancestors
  // policy already keeps other sites from framing this page at all).
  if (event.source !== parent || !config.allowedOrigins.includes(event.origin)) return;
  if (parentOrigin && event.origin !== parentOrigin) return;
  const message = event.data;
  if (message.type === "tb:init" && !parentOrigin) {
    parentOrigin = event.origin;
    anonymousId = message.anonymousId;
    identity = message.identity;
    // The page keeps only anonymous tokens: with an identity, the stored one is the proof above.
    if (identity) anonymousToken = message.token;
    else token = message.token;
    lastPage = message.page;
    setOpen(message.open);
    toParent({ type: "tb:style", color: config.color });
    connect();
  } else if (message.type === "tb:page") {
    lastPage = message.page;
    socket?.emit("page", message.page);
  } else if (message.type === "tb:identify") {
    identity = message.identity;
    if (session && !session.identified) anonymousToken = token;
    token = undefined;
    socket?.disconnect();
    conversations.clear();
    connect();
  } else if (message.type === "tb:visibility") {
    setOpen(message.open);
  }
});

function toParent(message: PanelToLoader) {
  if (parentOrigin) parent.postMessage(message, parentOrigin);
}

function setOpen(value: boolean) {
  open = value;
  if (open) {
    markRead();
    ui.input.focus();
  }
}

// ── the connection ──
function connect() {
  socket = io(`${location.origin}/widget`, {
    transports: ["websocket"],
    // Read on every (re)connection: a token issued meanwhile replaces the identity.
    auth: (send) => send(token ? { key: config.key, anonymousId, token } : { key: config.key, anonymousId, identity, anonymousToken }),
  });
  socket.on("connect", () => void onConnected());
  socket.on("disconnect", () => showStatus("Reconnecting…"));
  socket.on("connect_error", (error) => {
    const code = error.message as keyof typeof connectionErrors;
    if (code === "anonymous_id_taken") {
      anonymousId = crypto.randomUUID();
      token = undefined;
    }
    // A refusal from the server names its reason; anything else is the network (offline, a
    // dropped socket), which socket.io keeps retrying.
    showStatus(code in connectionErrors ? connectionErrors[code] : "Reconnecting…", code !== "anonymous_id_taken");
    if (code === "identity_invalid" || code === "identity_required" || code === "unknown_widget") return;
    // A refusal in the handshake is final for socket.io; transient ones are retried here.
    setTimeout(() => socket?.connect(), code === "anonymous_id_taken" ? 0 : retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30_000);
  });
  socket.on("message", (message: VisitorMessage) => receive(message));
  socket.on("conversation", (info: VisitorConversation) => void upsertConversation(info, true));
  socket.on("typing", (event: { ticketId: string; typing: boolean; name: string | null }) => {
    agentTyping = event.typing ? { ticketId: event.ticketId, name: event.name } : null;
    clearTimeout(agentTypingTimer);
    if (agentTyping) agentTypingTimer = setTimeout(() => ((agentTyping = null), render()), typingIdleMs * 2);
    render();
  });
  socket.on("read", (event: { ticketId: string; seq: number }) => {
    const conversation = conversations.get(event.ticketId);
    if (conversation && event.seq > conversation.info.agentReadSeq) {
      conversation.info.agentReadSeq = event.seq;
      render();
    }
  });
}

function request<T>(event: string, payload?: unknown): Promise<Result<T>> {
  return new Promise((resolve) => {
    if (!socket?.connected) return resolve({ ok: false, error: { code: "offline", message: "Not connected" } });
    const timer = setTimeout(() => resolve({ ok: false, error: { code: "timeout", message: "No answer" } }), 10_000);
    const done = (result: Result<T>) => {
      clearTimeout(timer);
      resolve(result);
    };
    if (payload === undefined) socket.emit(event, done);
    else socket.emit(event, payload, done);
  });
}

async function onConnected() {
  retryDelay = 1000;
  const result = await request<{ session: VisitorSession }>("session");
  if (!result.ok) return showStatus(result.error.message, true);
  session = result.session;
  anonymousId = session.anonymousId;
  token = session.token;
  anonymousToken = undefined;
  if (!session.identified) toParent({ type: "tb:token", anonymousId, token });
  showStatus(null);
  if (lastPage) socket?.emit("page", lastPage);
  // Catch up on every conversation: what arrived while we were away, nothing twice.
  await Promise.all(session.conversations.map((info) => upsertConversation(info, false)));
  await flushPending();
  render();
}

async function upsertConversation(info: VisitorConversation, announce: boolean) {
  const known = conversations.get(info.ticketId);
  if (known) known.info = { ...info, lastSeq: known.info.lastSeq, agentReadSeq: Math.max(known.info.agentReadSeq, info.agentReadSeq) };
  else conversations.set(info.ticketId, { info: { ...info, lastSeq: 0 }, messages: new Map() });
  await sync(info.ticketId);
  if (announce) render();
}

async function sync(ticketId: string) {
  const conversation = conversations.get(ticketId)!;
  const result = await request<SyncResult>("sync", { ticketId, afterSeq: conversation.info.lastSeq });
  if (!result.ok) return;
  for (const message of result.messages) conversation.messages.set(message.seq, message);
  conversation.info = {
    ...result.conversation,
    lastSeq: Math.max(result.conversation.lastSeq, ...result.messages.map((m) => m.seq)),
  };
  settlePending(result.messages);
  render();
}

function receive(message: VisitorMessage) {
  const conversation = conversations.get(message.ticketId);
  if (!conversation) return;
  if (message.seq > conversation.info.lastSeq + 1) {
    // Something came before this one that we have not seen (or an internal note took a
    // number): fetch everything after what we have, in order.
    void sync(message.ticketId);
    return;
  }
  conversation.messages.set(message.seq, message);
  conversation.info.lastSeq = Math.max(conversation.info.lastSeq, message.seq);
  if (message.from === "agent" && agentTyping?.ticketId === message.ticketId) agentTyping = null;
  settlePending([message]);
  render();
  markRead();
}

function settlePending(messages: VisitorMessage[]) {
  for (const message of messages) {
    const index = pending.findIndex((p) => p.clientMessageId === message.clientMessageId);
    if (index >= 0) pending.splice(index, 1);
  }
}

function activeConversation(): Conversation | undefined {
  const latest = [...conversations.values()].sort((a, b) => b.info.createdAt.localeCompare(a.info.createdAt))[0];
  return latest && latest.info.status !== "resolved" ? latest : undefined;
}

function markRead() {
  if (!open || document.visibilityState !== "visible") return;
  for (const { info, messages } of conversations.values()) {
    const lastAgent = Math.max(0, ...[...messages.values()].filter((m) => m.from === "agent").map((m) => m.seq));
    if (lastAgent > 0) socket?.emit("read", { ticketId: info.ticketId, seq: lastAgent });
  }
}

// ── sending ──
ui.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const body = ui.input.value.trim();
  if (!body) return;
  if (!activeConversation() && config.preChatForm && !session?.identified && !ui.email.value.trim()) {
    showError("Please enter your email so we can reach you.");
    ui.email.focus();
    return;
  }
  ui.input.value = "";
  void send(body, []);
});

ui.input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

ui.input.addEventListener("input", () => {
  const ticketId = activeConversation()?.info.ticketId;
  if (!ticketId) return;
  if (Date.now() - typingSentAt > typingIdleMs / 2) {
    typingSentAt = Date.now();
    socket?.emit("typing", { ticketId, typing: true });
  }
  clearTimeout(typingStopTimer);
  typingStopTimer = setTimeout(() => stopTyping(ticketId), typingIdleMs);
});

function stopTyping(ticketId: string) {
  clearTimeout(typingStopTimer);
  typingSentAt = 0;
  socket?.emit("typing", { ticketId, typing: false });
}

async function send(body: string, attachmentIds: string[]) {
  const active = activeConversation();
  if (active) stopTyping(active.info.ticketId);
  pending.push({ clientMessageId: crypto.randomUUID(), body, attachmentIds, ticketId: active?.info.ticketId ?? null });
  render();
  await flushPending();
}

let flushing = false;

// Sends what has not been acknowledged, in order. A send whose answer was lost is sent
// again with the same client id and stored once.
async function flushPending() {
  if (flushing) return;
  flushing = true;
  try {
    while (pending.length > 0 && socket?.connected) {
      const next = pending[0]!;
      const ticketId = next.ticketId ?? activeConversation()?.info.ticketId ?? null;
      const result = ticketId
        ? await request<{ message: VisitorMessage; conversation?: undefined }>("send", {
            ticketId,
            clientMessageId: next.clientMessageId,
            body: next.body,
            attachmentIds: next.attachmentIds,
          })
        : await request<{ message: VisitorMessage; conversation: VisitorConversation }>("start", {
            clientMessageId: next.clientMessageId,
            body: next.body,
            attachmentIds: next.attachmentIds,
            name: ui.name.value.trim() || undefined,
            email: ui.email.value.trim() || undefined,
          });
      if (!result.ok) {
        if (result.error.code === "offline" || result.error.code === "timeout") break;
        // Refused for good (too long, rate limited): keep it visible with the reason.
        pending.shift();
        showError(result.error.message);
        ui.input.value ||= next.body;
        continue;
      }
      if (result.conversation) {
        conversations.set(result.conversation.ticketId, { info: { ...result.conversation, lastSeq: 0 }, messages: new Map() });
        await sync(result.conversation.ticketId);
      } else receive(result.message);
      settlePending([result.message]);
      showError(null);
    }
  } finally {
    flushing = false;
    render();
  }
}

// ── files ──
ui.fileInput.addEventListener("change", () => void uploadFiles());

async function uploadFiles() {
  const files = [...(ui.fileInput.files ?? [])];
  ui.fileInput.value = "";
  for (const file of files) {
    if (!config.uploads.types.includes(file.type)) return showError(`${file.name}: this type of file can't be sent.`);
    if (file.size > config.uploads.maxBytes) {
      return showError(`${file.name} is larger than ${Math.round(config.uploads.maxBytes / 1024 / 1024)} MB.`);
    }
    const response = await fetch(`/api/widget/uploads?key=${encodeURIComponent(config.key)}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "x-anonymous-id": anonymousId,
        "content-type": file.type,
        "x-file-name": encodeURIComponent(file.name),
      },
      body: file,
    }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as { id?: string; error?: WidgetError } | null;
    if (!response?.ok || !json?.id) return showError(json?.error?.message ?? `${file.name} could not be sent.`);
    await send(ui.input.value.trim(), [json.id]);
    ui.input.value = "";
  }
}

// ── offline: leave an email ──
ui.offlineForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const ticketId = activeConversation()?.info.ticketId;
  if (!ticketId) return;
  const result = await request<{ conversation: VisitorConversation }>("offline-email", { ticketId, email: ui.offlineEmail.value.trim() });
  if (!result.ok) return showError(result.error.message);
  conversations.get(ticketId)!.info.notifyEmail = result.conversation.notifyEmail;
  showError(null);
  render();
});

ui.close.addEventListener("click", () => toParent({ type: "tb:close" }));
addEventListener("keydown", (event) => {
  if (event.key === "Escape") toParent({ type: "tb:close" });
});
document.addEventListener("visibilitychange", markRead);

// ── drawing ──
function showStatus(text: string | null, sticky = false) {
  ui.status.textContent = text ?? "";
  ui.status.hidden = !text;
  ui.status.dataset.sticky = String(sticky);
}

function showError(text: string | null) {
  ui.error.textContent = text ?? "";
  ui.error.hidden = !text;
}

function render() {
  const active = activeConversation();
  const sorted = [...conversations.values()].sort((a, b) => a.info.createdAt.localeCompare(b.info.createdAt));
  const items: HTMLElement[] = [];
  for (const conversation of sorted) {
    if (conversation !== active) {
      items.push(el("li", { class: "divider" }, `Conversation of ${new Date(conversation.info.createdAt).toLocaleDateString()}`));
    }
    const messages = [...conversation.messages.values()].sort((a, b) => a.seq - b.seq);
    const lastVisitor = messages.filter((m) => m.from === "visitor").at(-1);
    for (const message of messages) {
      const seen = message === lastVisitor && conversation.info.agentReadSeq >= message.seq;
      items.push(messageItem(message, seen ? "Seen" : ""));
    }
  }
  for (const p of pending) {
    items.push(
      messageItem(
        { id: p.clientMessageId, ticketId: "", seq: 0, from: "visitor", authorName: null, body: p.body, clientMessageId: p.clientMessageId, attachments: [], createdAt: "" },
        "Sending…",
      ),
    );
  }
  ui.log.replaceChildren(...items);
  ui.log.scrollTop = ui.log.scrollHeight;

  ui.typing.textContent = agentTyping && agentTyping.ticketId === active?.info.ticketId ? `${agentTyping.name ?? "Support"} is typing…` : "";
  const firstMessage = !active && conversations.size === 0;
  ui.prechat.hidden = !(firstMessage && config.preChatForm && !session?.identified);
  renderAvailability(session?.availability, active);
}

function renderAvailability(availability: Availability | undefined, active: Conversation | undefined) {
  const away = availability && !availability.online;
  ui.away.hidden = !away;
  if (!away) return;
  ui.awayText.textContent = `We're away right now. ${formatNextOpen(availability.nextOpenAt)}`;
  const notifyEmail = active?.info.notifyEmail;
  ui.offlineForm.hidden = !active || !!notifyEmail;
  ui.awayEmail.textContent = notifyEmail ? `We'll also send our answer to ${notifyEmail}.` : active ? "" : "Write your question and leave your email: the answer will reach you there.";
}

function messageItem(message: VisitorMessage, note: string): HTMLElement {
  const mine = message.from === "visitor";
  const item = el("li", { class: `msg ${mine ? "mine" : "theirs"}` });
  item.append(el("span", { class: "who" }, mine ? "You" : (message.authorName ?? config.name)));
  if (message.body) item.append(el("p", { class: "body" }, message.body));
  for (const file of message.attachments) {
    const link = el("a", { href: file.url, target: "_blank", rel: "noopener" });
    if (file.contentType.startsWith("image/")) link.append(el("img", { src: file.url, alt: file.name }));
    else link.textContent = file.name;
    item.append(link);
  }
  if (note) item.append(el("span", { class: "meta" }, note));
  return item;
}
