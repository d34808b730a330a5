import { io as connect, type Socket } from "socket.io-client";

/** Every socket a benchmark opened, to close at clean-up. */
export const openSockets: Socket[] = [];

/** A websocket-only socket.io client, resolved once connected; no reconnection, so a drop shows. */
export function openSocket(url: string, options: { headers?: Record<string, string>; auth?: Record<string, unknown> } = {}): Promise<Socket> {
  const socket = connect(url, {
    transports: ["websocket"],
    extraHeaders: options.headers,
    auth: options.auth,
    reconnection: false,
    forceNew: true,
  });
  openSockets.push(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket did not connect in 10 s")), 10_000);
    socket.once("connect", () => (clearTimeout(timer), resolve(socket)));
    socket.once("connect_error", (error) => (clearTimeout(timer), reject(error)));
  });
}

/** A signed-in staff member's socket on /agents, with a session cookie as the browser has (createTestSession). */
export async function openAgentSocket(baseUrl: string, cookie: string): Promise<Socket> {
  return openSocket(`${baseUrl}/agents`, { headers: { cookie, origin: baseUrl } });
}
