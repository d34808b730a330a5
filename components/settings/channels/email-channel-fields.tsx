import { TextField } from "@/components/ui/text-field";
import type { ChannelFieldsProps } from "./channel-fields-props";

export function EmailChannelFields({ errors }: ChannelFieldsProps) {
  return (
    <>
      <TextField label="Support address" name="address" type="email" placeholder="support@acme.example" required error={errors.address} />
      <TextField label="Sender name" name="displayName" placeholder="Acme Support" error={errors.displayName} />
      <TextField label="Signature" name="signature" placeholder="The Acme support team" error={errors.signature} />
      <label className="flex items-center gap-2 self-end pb-1.5 text-sm text-zinc-700">
        <input type="checkbox" name="autoAcknowledge" className="size-4 rounded border-zinc-300" />
        Acknowledge new tickets automatically (once a day per customer)
      </label>
    </>
  );
}
