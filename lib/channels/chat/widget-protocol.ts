// What the widget panel and the /widget socket.io namespace say to each other. Types only:
// the panel bundle imports them without pulling any server code in.

export type VisitorAttachment = { id: string; name: string; contentType: string; size: number; url: string };

/** A message as a visitor may see it: never an internal note, never a teammate's email. */
export type VisitorMessage = {
  id: string;
  ticketId: string;
  seq: number;
  from: "visitor" | "agent";
  authorName: string | null;
  body: string;
  clientMessageId: string | null;
  attachments: VisitorAttachment[];
  createdAt: string;
};

export type VisitorConversation = {
  ticketId: string;
  status: "open" | "pending" | "resolved";
  createdAt: string;
  /** Messages up to here may be fetched; notes take sequence numbers too, so gaps are normal. */
  lastSeq: number;
  /** The agent has read the visitor's messages up to this sequence number. */
  agentReadSeq: number;
  notifyEmail: string | null;
};

export type Availability = { online: boolean; nextOpenAt: string | null };

export type VisitorSession = {
  anonymousId: string;
  /** Present for anonymous visitors: the page keeps it to come back to the conversation. */
  token?: string;
  identified: boolean;
  name: string | null;
  email: string | null;
  conversations: VisitorConversation[];
  availability: Availability;
};

export type WidgetError = { code: string; message: string };
export type Ack<T> = (result: ({ ok: true } & T) | { ok: false; error: WidgetError }) => void;

export type StartRequest = { clientMessageId: string; body: string; name?: string; email?: string; attachmentIds?: string[] };
export type SendRequest = { ticketId: string; clientMessageId: string; body: string; attachmentIds?: string[] };
export type SyncRequest = { ticketId: string; afterSeq: number };
export type SyncResult = { messages: VisitorMessage[]; conversation: VisitorConversation };

export type PanelConfig = {
  key: string;
  name: string;
  color: string;
  greeting: string;
  allowedOrigins: string[];
  preChatForm: boolean;
  requireIdentity: boolean;
  uploads: { maxBytes: number; types: string[] };
};

/** Reasons the server refuses a widget connection; the panel shows each in words. */
export const connectionErrors = {
  unknown_widget: "This chat is not available.",
  identity_invalid: "We could not confirm who you are. Please sign in again.",
  identity_required: "Please sign in to chat with us.",
  anonymous_id_taken: "Starting a new conversation…",
  rate_limited: "Too many attempts. Please wait a minute and try again.",
  unavailable: "Chat is unavailable right now. Please try again shortly.",
} as const;
