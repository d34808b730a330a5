"use client";

import { useEffect, useId, useRef, useState } from "react";
import { changeTicket, logCallOnTicket, startCallOnTicket } from "@/app/(app)/tickets/[id]/actions";
import { CustomerPanel, type CustomerPanelData } from "@/components/customers/customer-panel";
import { CallCustomerButton } from "@/components/phone/call-customer-button";
import { LogCallButton } from "@/components/phone/log-call-button";
import type { CallingChannel } from "@/lib/channels/phone/calling-channels";
import { useAgentEvent } from "@/components/realtime/use-agent-event";
import { channelLabels } from "@/components/ui/channel-icon";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { replyMedium, replyVia } from "@/lib/channels/reply-medium";
import type { ChatDetails } from "@/lib/channels/chat/chat-details";
import type { TicketStatus } from "@/lib/tickets/ticket-constants";
import type { TicketChangeInput } from "@/lib/tickets/ticket-change.validation";
import type { MessageView, TicketActivityView, TicketSummary, TicketWithMessages } from "@/lib/tickets/ticket-views";
import { Composer } from "./composer";
import { Conversation } from "./conversation";
import { TicketControls, type TeamOption, type Teammate } from "./ticket-controls";
import { TicketHeader } from "./ticket-header";
import { arrivedWhileWriting } from "./arrived-while-writing";
import { useChatActivity } from "./use-chat-activity";
import { useTicketPresence } from "./use-ticket-presence";
import { useTicketMessages } from "./use-ticket-messages";

type TicketChangeFields = Omit<TicketChangeInput, "version">;

type Props = {
  ticket: TicketWithMessages;
  /** Status, assignee and other changes, shown as lines between the messages. */
  activity: TicketActivityView[];
  /** Who the customer is and what they did before writing in, beside the conversation. */
  customer: CustomerPanelData;
  teammates: Teammate[];
  teams: TeamOption[];
  currentUser: { id: string; name: string };
  /** For chat tickets: the visitor's page and read receipt. */
  chat: ChatDetails | null;
  /** The number to call the customer on, when known. */
  customerPhone: string | null;
  /** Phone channels that can place calls (click-to-call). */
  callingChannels: CallingChannel[];
};

export function TicketWorkspace({ ticket: initial, activity: initialActivity, customer, teammates, teams, currentUser, chat: initialChat, customerPhone, callingChannels }: Props) {
  const { messages: initialMessages, ...initialSummary } = initial;
  const [ticket, setTicket] = useState<TicketSummary>(initialSummary);
  const [controlError, setControlError] = useState<string | null>(null);
  const [composerError, setComposerError] = useState<string | null>(null);
  const [detailsShown, setDetailsShown] = useState(false);
  const detailsId = useId();
  const conversation = useTicketMessages(initial.id, initialMessages, initialActivity, currentUser.id, replyVia(ticket));
  const customerName = ticket.customer.name || ticket.customer.email || "the customer";
  const chat = useChatActivity(initial.id, initialChat, conversation.messages);
  const presence = useTicketPresence(initial.id, currentUser.id);

  useAgentEvent("ticket:changed", (changed) => {
    if (changed.id !== ticket.id) return;
    setTicket((current) => (changed.updatedAt >= current.updatedAt ? changed : current));
    conversation.expectSeq(changed.lastMessageSeq);
  });

  // Changes go one after another, each against the version the one before left: a quick
  // status-then-priority is never refused as a conflict with oneself.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef(ticket);
  useEffect(() => {
    latest.current = ticket;
  }, [ticket]);

  function change(optimistic: Partial<TicketSummary>, fields: TicketChangeFields) {
    const before = ticket;
    setTicket({ ...ticket, ...optimistic });
    setControlError(null);
    queue.current = queue.current.then(async () => {
      try {
        const result = await changeTicket(ticket.id, { ...fields, version: latest.current.version });
        if (!result.ok) {
          setTicket(before);
          setControlError(result.error);
        } else if (result.data.conflict) {
          // A colleague changed it first: show the ticket as it is now, and say so.
          setTicket(result.data.ticket);
          setControlError(result.data.conflict);
        } else {
          const saved = result.data.ticket;
          latest.current = saved;
          setTicket((current) => (saved.updatedAt >= current.updatedAt ? saved : current));
        }
      } catch {
        setTicket(before);
        setControlError("Could not save the change. Check your connection and try again.");
      }
    });
  }

  function changeStatus(status: TicketStatus) {
    change({ status }, { status });
  }

  function changeAssignee(assigneeId: string | null) {
    const teammate = teammates.find((t) => t.id === assigneeId);
    const assignee = teammate ? { id: teammate.id, name: teammate.name, email: null } : null;
    change({ assignee }, { assigneeId });
  }

  async function retry(...args: Parameters<typeof conversation.retry>) {
    setComposerError(await conversation.retry(...args));
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <TicketHeader ticket={ticket} />
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        <section aria-label="Ticket conversation" className="flex min-h-0 min-w-0 flex-1 flex-col">
          <Conversation
            messages={conversation.messages}
            activity={conversation.activity}
            pending={conversation.pending}
            self={currentUser}
            onRetry={(pending) => void retry(pending)}
          />
          <p role="status" aria-label="Who else is here" className="min-h-5 px-6 text-xs text-zinc-600">
            {presence.viewers.length > 0 && `Also here: ${presence.viewers.map((viewer) => viewer.name).join(", ")}`}
            {presence.typingNames.length > 0 && ` · ${presence.typingNames.join(", ")} ${presence.typingNames.length === 1 ? "is" : "are"} writing a reply…`}
          </p>
          {chat.isChat && (
            <p role="status" className="min-h-6 px-6 text-xs text-zinc-500">
              {chat.visitorTyping ? `${customerName} is typing…` : chat.seenByVisitor ? "Seen by the customer" : ""}
            </p>
          )}
          <Composer
            customerName={customerName}
            replyMedium={replyMedium(ticket)}
            mentionable={teammates}
            onSend={(...args) => {
              presence.stopComposing();
              return conversation.send(...args);
            }}
            error={composerError}
            onError={setComposerError}
            onTypingReply={() => {
              chat.onTypingReply();
              presence.onComposing();
            }}
            latestSeq={conversation.messages.at(-1)?.seq ?? 0}
            arrivedSince={(sinceSeq) => describeArrived(arrivedWhileWriting(conversation.messages, sinceSeq, currentUser.id), customerName)}
          />
        </section>
        {/* First on phones, between the header and the conversation; a column on the right from md up. */}
        <section
          aria-label="Ticket details"
          className="order-first flex shrink-0 flex-col gap-3 border-b border-zinc-200 bg-white px-4 py-3 md:order-none md:w-72 md:gap-6 md:overflow-y-auto md:border-b-0 md:border-l md:py-4"
        >
          <TicketControls
            ticket={ticket}
            teammates={teammates}
            teams={teams}
            onStatusChange={changeStatus}
            onAssigneeChange={changeAssignee}
            onChange={(fields, optimistic) => change(optimistic, fields)}
          />
          <FormError message={controlError} />
          <div className="flex flex-wrap items-start gap-2">
            <CallCustomerButton number={callNumber(ticket, customerPhone)} channels={callingChannels} onStart={(input) => startCallOnTicket(ticket.id, input)} />
            <LogCallButton defaultNumber={callNumber(ticket, customerPhone)} onLog={(input) => logCallOnTicket(ticket.id, input)} />
          </div>
          <button
            type="button"
            aria-expanded={detailsShown}
            aria-controls={detailsId}
            onClick={() => setDetailsShown((shown) => !shown)}
            className="self-start rounded text-xs font-medium text-indigo-700 hover:text-indigo-600 md:hidden"
          >
            {detailsShown ? "Hide customer and details" : "Show customer and details"}
          </button>
          {/* On a phone, folded away above the conversation and never taller than half the screen. */}
          <div
            id={detailsId}
            className={`max-h-[50dvh] flex-col gap-5 overflow-y-auto md:flex md:max-h-none md:gap-6 md:overflow-visible ${detailsShown ? "flex" : "hidden"}`}
          >
            <CustomerPanel customer={{ ...customer, name: ticket.customer.name, email: ticket.customer.email }} />
            <dl className="flex flex-col gap-3 text-sm">
              <Detail term="Channel">{channelLabels[ticket.channel]}</Detail>
              {chat.isChat && (
                <Detail term="Current page">
                  {chat.page ? (
                    // Opened in a new tab: the address comes from the visitor's browser.
                    <a href={safeHref(chat.page.url)} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 underline">
                      {chat.page.title || chat.page.url}
                    </a>
                  ) : (
                    "Unknown"
                  )}
                </Detail>
              )}
              {initialChat?.notifyEmail && <Detail term="Answer also by email to">{initialChat.notifyEmail}</Detail>}
              <Detail term="Opened">
                <RelativeTime iso={ticket.createdAt} />
              </Detail>
            </dl>
          </div>
        </section>
      </div>
    </div>
  );
}

/** The guard's sentence: who wrote what while the reply was being written. */
function describeArrived(arrived: MessageView[], customerName: string): string | null {
  const last = arrived.at(-1);
  if (!last) return null;
  const who = last.direction === "in" ? customerName : (last.author?.name ?? "A colleague");
  const what = last.direction === "in" ? "wrote" : "replied";
  const excerpt = last.bodyText.length > 140 ? `${last.bodyText.slice(0, 140)}…` : last.bodyText;
  const more = arrived.length > 1 ? ` (and ${arrived.length - 1} more message${arrived.length > 2 ? "s" : ""})` : "";
  return `while you were writing, ${who} ${what}: “${excerpt}”${more}. Read it above before you answer.`;
}

/** The number this ticket's customer was last on the phone with, else theirs. */
function callNumber(ticket: TicketSummary, customerPhone: string | null): string {
  const last = ticket.call && (ticket.call.direction === "inbound" ? ticket.call.from : ticket.call.to);
  return last || customerPhone || "";
}

/** Only web addresses become links; anything else (javascript:, data:) is not followed. */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-zinc-600">{term}</dt>
      <dd className="mt-0.5 break-words text-zinc-800">{children}</dd>
    </div>
  );
}
