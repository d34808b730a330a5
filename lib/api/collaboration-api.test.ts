import { describe, expect, it } from "vitest";
import { GET as listNotificationsRoute } from "@/app/api/v1/notifications/route";
import { PATCH as updateTicketRoute } from "@/app/api/v1/tickets/[id]/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestTicket, createTestUser } from "@/lib/testing/factories";
import { addMessage } from "@/lib/tickets/add-message";

describe("PATCH /api/v1/tickets/:id with a version", () => {
  it("applies a change made against the current version, and refuses a stale one with 409 and the ticket as it is", async () => {
    const { key } = await createTestApiKey();
    const ticket = await createTestTicket();
    const patch = (json: unknown) =>
      updateTicketRoute(apiRequest(`/api/v1/tickets/${ticket.id}`, { key, method: "PATCH", json }), routeParams({ id: ticket.id }));

    const first = await patch({ status: "pending", version: ticket.version });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "pending", version: ticket.version + 1 });

    const stale = await patch({ status: "resolved", version: ticket.version });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: {
        code: "ticket_changed",
        message: expect.stringContaining("your change was not saved"),
        details: { ticket: { id: ticket.id, status: "pending", version: ticket.version + 1 } },
      },
    });

    expect((await patch({ version: ticket.version })).status).toBe(400);
    expect((await patch({ status: "resolved", version: "1" })).status).toBe(400);
  });
});

describe("GET /api/v1/notifications", () => {
  it("answers the notifications of the person who made the key, newest first, and refuses a key that belongs to nobody", async () => {
    const { user: owner } = await createTestUser({ role: "admin" });
    const { actor: writer } = await createTestUser();
    const { key } = await createApiKey(db(), { name: "mine", createdById: owner.id });
    const ticket = await createTestTicket();
    await addMessage(writer, ticket.id, { kind: "note", body: "first", mentions: [owner.id] });
    await addMessage(writer, ticket.id, { kind: "note", body: "second", mentions: [owner.id] });

    const page1 = await listNotificationsRoute(apiRequest("/api/v1/notifications?limit=1", { key }));
    expect(page1.status).toBe(200);
    const body1 = (await page1.json()) as { data: { excerpt: string }[]; unread: number; nextCursor: string | null };
    expect(body1).toMatchObject({ unread: 2, data: [{ kind: "mention", excerpt: "second", ticket: { id: ticket.id } }] });
    const page2 = await listNotificationsRoute(apiRequest(`/api/v1/notifications?limit=1&cursor=${body1.nextCursor}`, { key }));
    expect(((await page2.json()) as { data: { excerpt: string }[] }).data.map((n) => n.excerpt)).toEqual(["first"]);

    const { key: nobodys } = await createTestApiKey();
    expect((await listNotificationsRoute(apiRequest("/api/v1/notifications", { key: nobodys }))).status).toBe(403);
    expect((await listNotificationsRoute(apiRequest("/api/v1/notifications?cursor=forged", { key }))).status).toBe(400);
  });
});
