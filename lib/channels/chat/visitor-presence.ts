// Which visitors have the widget open right now, counted by the /widget namespace as
// sockets come and go. On globalThis because server.ts and the Next.js bundle load
// separate copies of this module, and replies are sent from both. Per app node: with
// several nodes a visitor connected elsewhere counts as away, and also gets the email.
const store = globalThis as typeof globalThis & { __touchbaseVisitorPresence?: Map<string, number> };
const connected = (store.__touchbaseVisitorPresence ??= new Map());

const keyOf = (visitor: { channelId: string; customerId: string }) => `${visitor.channelId}:${visitor.customerId}`;

export function visitorConnected(visitor: { channelId: string; customerId: string }): () => void {
  const key = keyOf(visitor);
  connected.set(key, (connected.get(key) ?? 0) + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const left = (connected.get(key) ?? 1) - 1;
    if (left > 0) connected.set(key, left);
    else connected.delete(key);
  };
}

export function isVisitorOnline(visitor: { channelId: string; customerId: string }): boolean {
  return connected.has(keyOf(visitor));
}
