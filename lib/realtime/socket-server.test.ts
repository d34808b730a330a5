import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { endSession } from "@/lib/auth/sessions";
import { authSecret, getEnv } from "@/lib/env";
import { publish } from "@/lib/events/event-bus";
import { createTestSession, createTestTicket, createTestUser } from "@/lib/testing/factories";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { addMessage } from "@/lib/tickets/add-message";
import { deactivateTeammate } from "@/lib/users/deactivate-teammate";
import type { MessageView, TicketSummary } from "@/lib/tickets/ticket-views";
import { forwardEventsToSockets } from "./event-listener";
import { attachRealtime } from "./socket-server";

type Node = { io: Server; close: () => Promise<void>; url: string; stopForwarding: () => void };

async function startNode(redisUrl?: string): Promise<Node> {
  const http = createServer();
  const { io, close } = await attachRealtime(http, { redisUrl });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return { io, close, url: `http://127.0.0.1:${port}`, stopForwarding: () => {} };
}

async function stopNode(node: Node) {
  node.stopForwarding();
  await node.close();
}

async function sessionCookie(userId: string): Promise<string> {
  return (await createTestSession(userId)).cookie;
}

function agentSocket(node: Node, cookie?: string, origin?: string): Socket {
  return connect(`${node.url}/agents`, {
    transports: ["websocket"],
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    reconnection: false,
  });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

function nextEvent<T>(socket: Socket, name: string, match: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!match(payload)) return;
      socket.off(name, listener);
      resolve(payload);
    };
    socket.on(name, listener);
  });
}

describe("agent realtime", () => {
  let node: Node;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    node = await startNode();
    node.stopForwarding = forwardEventsToSockets(node.io);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await stopNode(node);
  });

  it("refuses a socket without a session, or with a forged or deactivated one", async () => {
    const { user } = await createTestUser({ role: "agent", active: false });
    const forged = `next-auth.session-token=${"x".repeat(40)}`;
    for (const cookie of [undefined, forged, await sessionCookie(user.id)]) {
      const socket = agentSocket(node, cookie);
      sockets.push(socket);
      await expect(connected(socket)).rejects.toThrow("unauthorized");
    }
  });

  it("refuses a valid session from a page on another origin", async () => {
    const { user } = await createTestUser({ role: "agent" });
    const cookie = await sessionCookie(user.id);
    const foreign = agentSocket(node, cookie, "https://evil.example");
    const own = agentSocket(node, cookie, node.url);
    sockets.push(foreign, own);
    await expect(connected(foreign)).rejects.toThrow("forbidden origin");
    await expect(connected(own)).resolves.toBeUndefined();
  });

  it("sends new tickets to every signed-in staff member, and messages to those watching", async () => {
    const { user, actor } = await createTestUser({ role: "staff" });
    const socket = agentSocket(node, await sessionCookie(user.id));
    sockets.push(socket);
    await connected(socket);

    const subject = `Realtime ${Date.now()}`;
    const changed = nextEvent<TicketSummary>(socket, "ticket:changed", (t) => t.subject === subject);
    const ticket = await createTestTicket({ subject });
    expect((await changed).id).toBe(ticket.id);

    socket.emit("ticket:watch", ticket.id);
    // The watch request and the next emit travel on one ordered connection; a round trip
    // through ticket:sync guarantees the server has joined the room before we write.
    const synced = await socket.emitWithAck("ticket:sync", { ticketId: ticket.id, afterSeq: 0 });
    expect(synced.messages.map((m: MessageView) => m.seq)).toEqual([1]);

    const created = nextEvent<MessageView>(socket, "message:created", (m) => m.ticketId === ticket.id);
    const note = await addMessage(actor, ticket.id, { kind: "note", body: "Internal: check the carrier" });
    const received = await created;
    expect(received).toMatchObject({ id: note.id, seq: 2, internal: true });

    const missed = await socket.emitWithAck("ticket:sync", { ticketId: ticket.id, afterSeq: 1 });
    expect(missed.messages.map((m: MessageView) => m.id)).toEqual([note.id]);
  });

  it("disconnects the open sockets of a teammate who is deactivated", async () => {
    const { actor: admin } = await createTestUser({ role: "admin" });
    const { user } = await createTestUser({ role: "agent" });
    const socket = agentSocket(node, await sessionCookie(user.id));
    sockets.push(socket);
    await connected(socket);

    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    await deactivateTeammate(admin, { userId: user.id });
    expect(await disconnected).toBe("io server disconnect");
  });

  it("checks the session again when a dropped socket recovers its rooms", async () => {
    const { user } = await createTestUser({ role: "agent" });
    const socket = connect(`${node.url}/agents`, {
      transports: ["websocket"],
      extraHeaders: { cookie: await sessionCookie(user.id) },
      reconnectionDelay: 20,
      reconnectionDelayMax: 50,
    });
    sockets.push(socket);
    await connected(socket);
    // A broadcast received gives the client an offset to recover from.
    const subject = `Recovery ${Date.now()}`;
    const changed = nextEvent<TicketSummary>(socket, "ticket:changed", (t) => t.subject === subject);
    await createTestTicket({ subject });
    await changed;

    // Deactivated while the connection is down, so no open socket is there to close.
    const dropped = new Promise((resolve) => socket.once("disconnect", resolve));
    socket.io.engine.close();
    await dropped;
    await db().update(users).set({ active: false }).where(eq(users.id, user.id));
    const outcome = new Promise<string>((resolve) => {
      socket.once("connect", () => resolve(socket.recovered ? "recovered" : "connected"));
      socket.once("connect_error", (error) => resolve(error.message));
    });
    expect(await outcome).toBe("unauthorized");
  });

  it("refuses a session that ended, and a token from before sessions were recorded", async () => {
    const { user } = await createTestUser({ role: "agent" });
    const ended = await createTestSession(user.id);
    await endSession(db(), ended.sessionId);
    const sessionless = `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: authSecret() })}`;
    for (const cookie of [ended.cookie, sessionless]) {
      const socket = agentSocket(node, cookie);
      sockets.push(socket);
      await expect(connected(socket)).rejects.toThrow("unauthorized");
    }
  });

  it("keeps someone on a temporary password out, as pages do, until they choose their own", async () => {
    const { user, password, actor } = await createTestUser({ role: "agent" });
    await db().update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const { sessionId, cookie } = await createTestSession(user.id);
    const refused = agentSocket(node, cookie);
    sockets.push(refused);
    await expect(connected(refused)).rejects.toThrow("password_change_required");

    await changeOwnPassword(
      actor,
      { currentPassword: password, newPassword: "a password of my own", newPasswordConfirmation: "a password of my own" },
      { keepSessionId: sessionId },
    );
    const admitted = agentSocket(node, cookie);
    sockets.push(admitted);
    await expect(connected(admitted)).resolves.toBeUndefined();
  });

  it("closes the sockets of a session that signs out, and no other", async () => {
    const { user } = await createTestUser({ role: "agent" });
    const leaving = await createTestSession(user.id);
    const staying = await createTestSession(user.id);
    const [left, stayed] = [agentSocket(node, leaving.cookie), agentSocket(node, staying.cookie)];
    sockets.push(left, stayed);
    await Promise.all([connected(left), connected(stayed)]);

    const disconnected = new Promise<string>((resolve) => left.once("disconnect", resolve));
    await endSession(db(), leaving.sessionId);
    publish({ type: "session.ended", sessionId: leaving.sessionId });
    expect(await disconnected).toBe("io server disconnect");
    expect(stayed.connected).toBe(true);
  });

  it("closes a person's other sessions' sockets when they change their password, not the one that changed it", async () => {
    const { user, password, actor } = await createTestUser({ role: "agent" });
    const here = await createTestSession(user.id);
    const elsewhere = await createTestSession(user.id);
    const [own, other] = [agentSocket(node, here.cookie), agentSocket(node, elsewhere.cookie)];
    sockets.push(own, other);
    await Promise.all([connected(own), connected(other)]);

    const disconnected = new Promise<string>((resolve) => other.once("disconnect", resolve));
    await changeOwnPassword(
      actor,
      { currentPassword: password, newPassword: "a brand new password", newPasswordConfirmation: "a brand new password" },
      { keepSessionId: here.sessionId },
    );
    expect(await disconnected).toBe("io server disconnect");
    expect(own.connected).toBe(true);
    const retry = agentSocket(node, elsewhere.cookie);
    sockets.push(retry);
    await expect(connected(retry)).rejects.toThrow("unauthorized");
  });

  it("answers a malformed sync request with an error instead of a query", async () => {
    const { user } = await createTestUser({ role: "agent" });
    const socket = agentSocket(node, await sessionCookie(user.id));
    sockets.push(socket);
    await connected(socket);
    expect(await socket.emitWithAck("ticket:sync", { ticketId: "not-a-uuid", afterSeq: 0 })).toEqual({
      error: "bad_request",
    });
  });
});

// Runs where a Redis server is configured (CI has one); a newcomer's machine may not.
describe.runIf(getEnv().REDIS_URL)("realtime across app nodes through Redis", () => {
  it("delivers an event published on one node to a socket connected to another", async () => {
    const redisUrl = getEnv().REDIS_URL!;
    const [a, b] = [await startNode(redisUrl), await startNode(redisUrl)];
    // Only node B forwards domain events, as if the change had been made on node B.
    b.stopForwarding = forwardEventsToSockets(b.io);
    try {
      const { user } = await createTestUser({ role: "agent" });
      const socket = agentSocket(a, await sessionCookie(user.id));
      await connected(socket);
      const subject = `Across nodes ${Date.now()}`;
      const changed = nextEvent<TicketSummary>(socket, "ticket:changed", (t) => t.subject === subject);
      await createTestTicket({ subject });
      expect((await changed).subject).toBe(subject);
      socket.close();
    } finally {
      await stopNode(a);
      await stopNode(b);
    }
  });
});
