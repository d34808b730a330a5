import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import type { CustomerPanelData } from "@/components/customers/customer-panel";
import { TicketWorkspace } from "@/components/ticket/ticket-workspace";
import { findChatDetails } from "@/lib/channels/chat/chat-details";
import { listCallingChannels } from "@/lib/channels/phone/calling-channels";
import { findCustomerPhone, findCustomerProfile } from "@/lib/customers/customer-queries";
import { db } from "@/lib/db/client";
import { recentJourney } from "@/lib/timeline/timeline-queries";
import { listTicketActivity } from "@/lib/tickets/ticket-activity-queries";
import { findTicketWithMessages } from "@/lib/tickets/ticket-queries";
import { listTeammates } from "@/lib/users/list-teammates";
import { listTeams } from "@/lib/teams/list-teams";
import { currentUser } from "../../current-user";

type Props = { params: Promise<{ id: string }> };

const loadTicket = cache(async (id: string) =>
  z.uuid().safeParse(id).success ? findTicketWithMessages(db(), id) : null,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await currentUser();
  const ticket = await loadTicket((await params).id);
  return { title: ticket ? `#${ticket.number} ${ticket.subject} · Touchbase` : "Ticket not found · Touchbase" };
}

export default async function TicketPage({ params }: Props) {
  const user = await currentUser();
  const ticket = await loadTicket((await params).id);
  if (!ticket) notFound();
  const [teammates, teams, chat, activity, profile, journey, customerPhone, callingChannels] = await Promise.all([
    listTeammates(db(), { activeOnly: true }),
    listTeams(db()),
    ticket.channel === "chat" ? findChatDetails(db(), ticket.id) : null,
    listTicketActivity(db(), ticket.id),
    findCustomerProfile(db(), ticket.customer.id),
    recentJourney(db(), ticket.customer.id, new Date(ticket.createdAt)),
    findCustomerPhone(db(), ticket.customer.id),
    listCallingChannels(db()),
  ]);
  const customer: CustomerPanelData = {
    id: ticket.customer.id,
    name: ticket.customer.name,
    email: ticket.customer.email,
    company: profile?.company?.name ?? null,
    journey,
  };

  return (
    <TicketWorkspace
      key={ticket.id}
      ticket={ticket}
      activity={activity}
      customer={customer}
      teammates={teammates.map(({ id, name }) => ({ id, name }))}
      teams={teams.map(({ id, name }) => ({ id, name }))}
      currentUser={{ id: user.id, name: user.name }}
      chat={chat}
      customerPhone={customerPhone}
      callingChannels={callingChannels}
    />
  );
}
