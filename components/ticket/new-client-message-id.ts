/**
 * A random id for one send. crypto.randomUUID only exists on secure origins (https or
 * localhost), and the app is also reached over plain http on a LAN.
 */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
