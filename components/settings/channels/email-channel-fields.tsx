import { useId } from "react";
import { TextField } from "@/components/ui/text-field";
import type { ChannelFieldsProps } from "./channel-fields-props";

const selectClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20";

export function EmailChannelFields({ errors }: ChannelFieldsProps) {
  const aliasesId = useId();
  const securityId = useId();
  return (
    <>
      <TextField label="Support address" name="address" type="email" placeholder="support@acme.example" required error={errors.address} />
      <TextField label="Sender name" name="displayName" placeholder="Acme Support" error={errors.displayName} />
      <TextField label="Signature" name="signature" placeholder="The Acme support team" error={errors.signature} />
      <label className="flex items-center gap-2 self-end pb-1.5 text-sm text-zinc-700">
        <input type="checkbox" name="autoAcknowledge" className="size-4 rounded border-zinc-300" />
        Acknowledge new tickets automatically (once a day per customer)
      </label>
      <AliasesField id={aliasesId} error={errors.aliases} />
      <fieldset className="grid grid-cols-1 gap-3 rounded-md border border-zinc-200 p-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium text-zinc-700">Fetch from an existing mailbox over IMAP (optional)</legend>
        <TextField label="IMAP server" name="imap.host" placeholder="imap.acme.example" error={errors["imap.host"]} />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Port" name="imap.port" inputMode="numeric" placeholder="993" error={errors["imap.port"]} />
          <div>
            <label htmlFor={securityId} className="block text-sm font-medium text-zinc-700">
              Security
            </label>
            <select id={securityId} name="imap.tls" defaultValue="on" className={selectClass}>
              <option value="on">TLS</option>
              <option value="off">STARTTLS or none</option>
            </select>
          </div>
        </div>
        <TextField label="IMAP user name" name="imap.user" autoComplete="off" error={errors["imap.user"]} />
        <TextField
          label="IMAP password"
          name="imap.password"
          type="password"
          autoComplete="new-password"
          hint="Stored encrypted; never shown again."
          error={errors["imap.password"]}
        />
        <TextField label="Folder" name="imap.mailbox" placeholder="INBOX" error={errors["imap.mailbox"]} />
      </fieldset>
    </>
  );
}

export function AliasesField({ id, error, defaultValue }: { id: string; error?: string; defaultValue?: string }) {
  return (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700">
        Other addresses of this inbox
      </label>
      <textarea
        id={id}
        name="aliases"
        rows={2}
        defaultValue={defaultValue}
        placeholder="help@acme.example"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400"
      />
      <p id={`${id}-help`} className={`mt-1 text-xs ${error ? "text-red-600" : "text-zinc-600"}`}>
        {error ?? "One address per line. Replies go out from the address the customer wrote to."}
      </p>
    </div>
  );
}
