"use client";

import { useId, useState } from "react";
import { changeEmailAliasesAction } from "@/app/(app)/settings/actions";
import { useAgentEvent } from "@/components/realtime/use-agent-event";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useValidatedForm } from "@/components/ui/use-validated-form";
import type { ChannelView } from "@/lib/channels/channel-config";
import { emailAliasesInput } from "@/lib/channels/email/email-channel.validation";
import type { ImapHealth } from "@/lib/channels/email/imap-mailbox-state";
import { AliasesField } from "./email-channel-fields";
import { ImapHealthLine } from "./imap-health-line";

type ImapView = { host: string; mailbox: string } | null;

/** Each email inbox's addresses (editable) and, when it fetches a mailbox, its health live. */
export function EmailInboxes({
  channels,
  initialHealth,
  onChannels,
}: {
  channels: ChannelView[];
  initialHealth: Record<string, ImapHealth>;
  onChannels: (channels: ChannelView[]) => void;
}) {
  const [health, setHealth] = useState(initialHealth);
  useAgentEvent("channel:health", ({ channelId, health: next }) => setHealth((current) => ({ ...current, [channelId]: next })));
  const inboxes = channels.filter((channel) => channel.kind === "email");
  if (inboxes.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      <h3 className="text-sm font-semibold text-zinc-800">Email inboxes</h3>
      <ul className="flex flex-col gap-3">
        {inboxes.map((channel) => (
          <EmailInbox key={channel.id} channel={channel} health={health[channel.id]} onChannels={onChannels} />
        ))}
      </ul>
    </div>
  );
}

function EmailInbox({
  channel,
  health,
  onChannels,
}: {
  channel: ChannelView;
  health: ImapHealth | undefined;
  onChannels: (channels: ChannelView[]) => void;
}) {
  const aliasesId = useId();
  const [saved, setSaved] = useState(false);
  const aliases = (channel.aliases as string[] | undefined) ?? [];
  const imap = channel.imap as ImapView;
  const { submit, fieldErrors, error, pending } = useValidatedForm(emailAliasesInput, changeEmailAliasesAction, (data, _input, form) => {
    onChannels(data.channels);
    const current = data.channels.find((c) => c.id === channel.id);
    // The form was reset: show what is stored now.
    const textarea = form.elements.namedItem("aliases") as HTMLTextAreaElement | null;
    if (textarea) textarea.value = ((current?.aliases as string[] | undefined) ?? []).join("\n");
    setSaved(true);
  });
  const errors = fieldErrors as Record<string, string | undefined>;
  const aliasError = errors.aliases ?? Object.entries(errors).find(([key]) => key.startsWith("aliases."))?.[1];
  return (
    <li className="rounded-md border border-zinc-200 p-3">
      <p className="text-sm font-medium text-zinc-900">
        {channel.name} <span className="font-mono text-xs font-normal text-zinc-600 break-all">{String(channel.address)}</span>
      </p>
      <form onSubmit={submit} onChange={() => setSaved(false)} aria-label={`Addresses of ${channel.name}`} noValidate className="mt-2 flex flex-col gap-2">
        <input type="hidden" name="channelId" value={channel.id} />
        <AliasesField id={aliasesId} error={aliasError} defaultValue={aliases.join("\n")} />
        <div className="flex items-center gap-3">
          <SubmitButton pending={pending} pendingLabel="Saving…" size="sm">
            Save addresses
          </SubmitButton>
          {saved && (
            <span role="status" className="text-xs text-emerald-700">
              Saved
            </span>
          )}
        </div>
        <FormError message={error} />
      </form>
      {imap && (
        <div className="mt-3 border-t border-zinc-100 pt-2">
          <ImapHealthLine mailbox={`${imap.host} / ${imap.mailbox}`} health={health} />
        </div>
      )}
    </li>
  );
}
