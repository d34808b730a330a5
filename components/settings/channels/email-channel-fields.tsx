import { TextField } from "@/components/ui/text-field";
import type { ChannelFieldsProps } from "./channel-fields-props";

export function EmailChannelFields({ errors }: ChannelFieldsProps) {
  return (
    <>
      <TextField label="Support address" name="address" type="email" placeholder="support@acme.example" required error={errors.address} />
      <TextField label="Sender name" name="displayName" placeholder="Acme Support" error={errors.displayName} />
    </>
  );
}
