"use client";

import { useId, useState } from "react";
import { createChannelAction } from "@/app/(app)/settings/actions";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import type { ChannelView } from "@/lib/channels/channel-config";
import type { ImapHealth } from "@/lib/channels/email/imap-mailbox-state";
import { createChannelForm } from "@/lib/channels/channel.validation";
import { channelKinds, type ChannelKind } from "@/lib/tickets/ticket-constants";
import { ChatChannelFields } from "./channels/chat-channel-fields";
import { ChatChannelSettings } from "./channels/chat-channel-settings";
import { channelSummary } from "./channels/channel-summary";
import type { ChannelFieldsProps } from "./channels/channel-fields-props";
import { EmailChannelFields } from "./channels/email-channel-fields";
import { EmailInboxes } from "./channels/email-inboxes";
import { PhoneChannelFields } from "./channels/phone-channel-fields";
import { PhoneChannelSettings } from "./channels/phone-channel-settings";
import { CreatedChannelNotice } from "./channels/created-channel-notice";
import { EmptyState, SettingsCell, SettingsRow, SettingsSection, SettingsTable, type Column } from "./settings-section";

const kindLabels: Record<ChannelKind, string> = { email: "Email", chat: "Chat widget", phone: "Phone" };

const kindFields: Record<ChannelKind, (props: ChannelFieldsProps) => React.ReactNode> = {
  email: EmailChannelFields,
  chat: ChatChannelFields,
  phone: PhoneChannelFields,
};

const columns: Column[] = [{ label: "Name" }, { label: "Kind" }, { label: "Reached at" }, { label: "Created" }, { label: "Actions", hidden: true }];

export type CreatedChannel = { channel: ChannelView; channels: ChannelView[] };

export function ChannelsSection({ initialChannels, imapHealth }: { initialChannels: ChannelView[]; imapHealth: Record<string, ImapHealth> }) {
  const kindId = useId();
  const [channels, setChannels] = useState(initialChannels);
  const [kind, setKind] = useState<ChannelKind>("email");
  const [created, setCreated] = useState<ChannelView | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = channels.find((channel) => channel.id === editingId && channel.kind === "chat");
  const { submit, fieldErrors, error, pending } = useValidatedForm(createChannelForm, createChannelAction, (data) => {
    setChannels(data.channels);
    setCreated(data.channel);
  });
  const errors = fieldErrors as Record<string, string | undefined>;
  const KindFields = kindFields[kind];

  return (
    <SettingsSection
      id="channels"
      title="Channels"
      description="The inboxes customers reach you through: support addresses, the chat widget on your website, phone numbers."
    >
      <form onSubmit={submit} aria-label="New channel" noValidate className="flex flex-col gap-3">
        <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={kindId} className="block text-sm font-medium text-zinc-700">
              Kind
            </label>
            <select
              id={kindId}
              name="kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as ChannelKind)}
              className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20"
            >
              {channelKinds.map((value) => (
                <option key={value} value={value}>
                  {kindLabels[value]}
                </option>
              ))}
            </select>
          </div>
          <TextField label="Name" name="name" placeholder="e.g. Support, Website, Hotline" required error={errors.name} />
          <KindFields errors={errors} />
        </div>
        <div>
          <SubmitButton pending={pending} pendingLabel="Creating…" size="sm">
            Create channel
          </SubmitButton>
        </div>
        <FormError message={error} />
      </form>

      {created && <CreatedChannelNotice channel={created} onDismiss={() => setCreated(null)} />}

      {channels.length === 0 ? (
        <EmptyState>No channels yet. Customers can't reach you until you add one.</EmptyState>
      ) : (
        <SettingsTable label="Channels" columns={columns}>
          {channels.map((channel) => (
            <SettingsRow key={channel.id}>
              <SettingsCell className="font-medium">{channel.name}</SettingsCell>
              <SettingsCell className="text-right text-xs md:text-left">{kindLabels[channel.kind]}</SettingsCell>
              <SettingsCell wide className="font-mono text-xs break-all">
                {channelSummary(channel)}
              </SettingsCell>
              <SettingsCell label="Created" className="text-xs">
                <RelativeTime iso={channel.createdAt} />
              </SettingsCell>
              <SettingsCell className="text-right">
                {channel.kind === "chat" && (
                  <button
                    type="button"
                    aria-expanded={editingId === channel.id}
                    aria-label={`Settings of ${channel.name}`}
                    onClick={() => setEditingId(editingId === channel.id ? null : channel.id)}
                    className="rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
                  >
                    {editingId === channel.id ? "Close" : "Settings"}
                  </button>
                )}
              </SettingsCell>
            </SettingsRow>
          ))}
        </SettingsTable>
      )}
      <EmailInboxes channels={channels} initialHealth={imapHealth} onChannels={setChannels} />
      {channels
        .filter((channel) => channel.kind === "phone")
        .map((channel) => (
          <PhoneChannelSettings key={channel.id} channel={channel} onSaved={setChannels} />
        ))}

      {editing && (
        <ChatChannelSettings
          channel={editing}
          onSaved={(saved) => setChannels((list) => list.map((channel) => (channel.id === saved.id ? saved : channel)))}
        />
      )}
    </SettingsSection>
  );
}
