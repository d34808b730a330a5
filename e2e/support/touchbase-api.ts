import { expect, type APIRequestContext } from "@playwright/test";
import type { TicketChangeInput } from "@/lib/tickets/ticket-change.validation";
import type { MessageView, TicketWithMessages } from "@/lib/tickets/ticket-views";

/** The public REST API as an integration calls it: JSON over HTTP with a bearer key. */
export class TouchbaseApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly key: string,
  ) {}

  private get headers() {
    return { authorization: `Bearer ${this.key}` };
  }

  async createTicket(input: {
    subject: string;
    customerEmail: string;
    customerName?: string;
    body: string;
    channel?: "email" | "chat" | "phone";
  }): Promise<TicketWithMessages> {
    const response = await this.request.post("/api/v1/tickets", {
      headers: this.headers,
      data: {
        subject: input.subject,
        channel: input.channel ?? "email",
        customer: { email: input.customerEmail, name: input.customerName ?? "E2E Customer" },
        message: { body: input.body },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as TicketWithMessages;
  }

  /** A chat channel for a website; the answer carries the widget key and the identity secret. */
  async createChatChannel(input: { name: string; allowedOrigins: string[] } & Record<string, unknown>) {
    const response = await this.request.post("/api/v1/channels", { headers: this.headers, data: { kind: "chat", ...input } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; widgetKey: string; identitySecret: string; snippet: string };
  }

  async getTicket(id: string): Promise<TicketWithMessages> {
    const response = await this.request.get(`/api/v1/tickets/${id}`, { headers: this.headers });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as TicketWithMessages;
  }

  async addMessage(ticketId: string, input: { kind: "reply" | "note"; body: string }): Promise<MessageView> {
    const response = await this.request.post(`/api/v1/tickets/${ticketId}/messages`, {
      headers: this.headers,
      data: input,
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as MessageView;
  }

  async createEmailChannel(input: { name: string; address: string }): Promise<{ id: string; address: string }> {
    const response = await this.request.post("/api/v1/channels", { headers: this.headers, data: { kind: "email", ...input } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; address: string };
  }

  async updateTicket(id: string, change: TicketChangeInput) {
    const response = await this.request.patch(`/api/v1/tickets/${id}`, { headers: this.headers, data: change });
    expect(response.status(), await response.text()).toBe(200);
  }

  async createTeam(name: string, memberIds: string[] = []): Promise<{ id: string; name: string }> {
    const response = await this.request.post("/api/v1/teams", { headers: this.headers, data: { name, memberIds } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; name: string };
  }
}
