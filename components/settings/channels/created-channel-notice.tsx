import type { ChannelView } from "@/lib/channels/channel-config";
import { OneTimeSecretNotice } from "../one-time-secret-notice";

/** What a new channel needs from the admin next: the widget snippet and secret, or Twilio's URLs. */
export function CreatedChannelNotice({ channel, onDismiss }: { channel: ChannelView; onDismiss: () => void }) {
  if (channel.kind === "chat" && typeof channel.identitySecret === "string") {
    return (
      <OneTimeSecretNotice
        label="Identity secret"
        title={`“${channel.name}” is ready: paste this on your website`}
        description={<code className="break-all">{String(channel.snippet)}</code>}
        secret={channel.identitySecret}
        onDismiss={onDismiss}
      />
    );
  }
  const webhooks = channel.kind === "phone" ? (channel.webhooks as Record<string, string>) : null;
  return (
    <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-600/20">
      <p className="font-medium">“{channel.name}” is ready.</p>
      {webhooks && (
        <dl className="mt-2 grid grid-cols-1 gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
          {Object.entries(webhooks).map(([name, url]) => (
            <div key={name} className="contents">
              <dt className="font-medium capitalize">{name} URL</dt>
              <dd className="font-mono text-xs break-all">{url}</dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" onClick={onDismiss} className="mt-2 rounded px-2 py-1 text-xs font-medium hover:bg-emerald-100">
        Dismiss
      </button>
    </div>
  );
}
