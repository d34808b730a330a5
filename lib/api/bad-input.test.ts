import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as addMessageRoute } from "@/app/api/v1/tickets/[id]/messages/route";
import { GET as listTicketsRoute, POST as createTicketRoute } from "@/app/api/v1/tickets/route";
import { db } from "@/lib/db/client";
import { outboundEmails, tickets } from "@/lib/db/schema";
import { apiRequest, routeParams } from "@/lib/testing/api-requests";
import { createTestApiKey, createTestTicket, uniqueEmail, uniqueSuffix } from "@/lib/testing/factories";

// Bytes and parameters a hostile or careless client sends: each is a clear 400 at the edge,
// never a failed query (500) or a silently ignored filter.

type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };

let key: string;
beforeAll(async () => {
  ({ key } = await createTestApiKey({ name: "bad input test" }));
});

const createBody = () => ({
  subject: `Parcel ${uniqueSuffix()}`,
  customer: { email: uniqueEmail("bytes"), name: "Noor" },
  message: { body: "It has not arrived." },
});

describe("NUL bytes", () => {
  it("are refused with 400 validation_failed naming the field, in every text field", async () => {
    const cases: [string, (body: ReturnType<typeof createBody>) => unknown][] = [
      ["subject", (b) => ({ ...b, subject: "a\u0000b" })],
      ["customer.name", (b) => ({ ...b, customer: { ...b.customer, name: "N\u0000oor" } })],
      ["message.body", (b) => ({ ...b, message: { body: "\u0000" } })],
      ["extra", (b) => ({ ...b, extra: "not declared\u0000" })],
    ];
    for (const [path, make] of cases) {
      const response = await createTicketRoute(apiRequest("/api/v1/tickets", { key, json: make(createBody()) }));
      expect(response.status, path).toBe(400);
      const json = (await response.json()) as ErrorBody;
      expect(json.error.code).toBe("validation_failed");
      expect(json.error.details).toContainEqual({ path, message: expect.stringMatching(/NUL/) });
    }

    const ticket = await createTestTicket();
    const note = await addMessageRoute(
      apiRequest(`/api/v1/tickets/${ticket.id}/messages`, {
        key,
        json: { kind: "note", body: "fine", clientMessageId: "client-\u0000-id" },
      }),
      routeParams({ id: ticket.id }),
    );
    expect(note.status).toBe(400);
  });

  it("are refused in the query string too", async () => {
    const response = await listTicketsRoute(apiRequest("/api/v1/tickets?status=open%00", { key }));
    expect(response.status).toBe(400);
  });
});

describe("header-bound fields", () => {
  it("lose their line breaks, so a subject cannot inject a header into the reply's mail", async () => {
    const body = { ...createBody(), subject: "Help\r\nBcc: everyone@example.com" };
    const response = await createTicketRoute(apiRequest("/api/v1/tickets", { key, json: body }));
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [stored] = await db().select({ subject: tickets.subject }).from(tickets).where(eq(tickets.id, id));
    expect(stored!.subject).toBe("Help Bcc: everyone@example.com");

    const reply = await addMessageRoute(
      apiRequest(`/api/v1/tickets/${id}/messages`, { key, json: { kind: "reply", body: "On it" } }),
      routeParams({ id }),
    );
    const message = (await reply.json()) as { id: string };
    const [email] = await db().select().from(outboundEmails).where(eq(outboundEmails.messageId, message.id));
    expect(email!.subject).not.toMatch(/[\r\n]/);
  });
});

describe("query parameters", () => {
  it("refuse unknown, malformed and repeated parameters with 400 validation_failed", async () => {
    for (const query of ["status[]=open", "stauts=open", "status=open&status=pending", "limit=5&foo=1"]) {
      const response = await listTicketsRoute(apiRequest(`/api/v1/tickets?${query}`, { key }));
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("validation_failed");
    }
    expect((await listTicketsRoute(apiRequest("/api/v1/tickets?status=open&limit=5", { key }))).status).toBe(200);
  });
});
