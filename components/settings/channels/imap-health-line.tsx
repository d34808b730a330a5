import { RelativeTime } from "@/components/ui/relative-time";
import type { ImapHealth } from "@/lib/channels/email/imap-mailbox-state";

const stateLabels: Record<ImapHealth["state"], string> = {
  connecting: "Connecting…",
  idle: "Connected, waiting for mail",
  syncing: "Fetching…",
  error: "Not connected",
  stopped: "Stopped",
};

/** Where an IMAP mailbox's fetching stands: state, last fetch, last error. */
export function ImapHealthLine({ mailbox, health }: { mailbox: string; health: ImapHealth | undefined }) {
  const failing = health?.state === "error";
  return (
    <div role="status" aria-label={`IMAP ${mailbox}`} className="flex flex-col gap-0.5 text-xs text-zinc-700">
      <p>
        <span className="font-medium">IMAP {mailbox}: </span>
        <span className={failing ? "font-medium text-red-700" : undefined}>{health ? stateLabels[health.state] : "Not started yet"}</span>
        {health?.lastFetchAt && (
          <>
            {" · last fetch "}
            <RelativeTime iso={health.lastFetchAt} />
          </>
        )}
        {health ? ` · ${health.imported} imported` : null}
      </p>
      {health?.lastError && health.lastErrorAt && (
        <p className={failing ? "text-red-700" : "text-zinc-600"}>
          Last error <RelativeTime iso={health.lastErrorAt} />: <span className="break-all">{health.lastError}</span>
        </p>
      )}
    </div>
  );
}
