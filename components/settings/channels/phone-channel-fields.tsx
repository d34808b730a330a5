import { TextField } from "@/components/ui/text-field";
import type { ChannelFieldsProps } from "./channel-fields-props";
import { PhoneCallHandlingFields } from "./phone-call-handling-fields";

export function PhoneChannelFields({ errors }: ChannelFieldsProps) {
  return (
    <>
      <TextField label="Phone number" name="phoneNumber" placeholder="+15555550100" required error={errors.phoneNumber} />
      <TextField label="Twilio Account SID" name="twilioAccountSid" placeholder="AC…" required error={errors.twilioAccountSid} />
      <TextField
        label="Twilio auth token"
        name="twilioAuthToken"
        type="password"
        autoComplete="off"
        required
        hint="Stored encrypted; never shown again."
        error={errors.twilioAuthToken}
      />
      <PhoneCallHandlingFields errors={errors} />
    </>
  );
}
