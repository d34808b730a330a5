import type { ChannelConfig } from "../channel-config";
import type { EmailChannelInput, ImapInput } from "./email-channel.validation";

/** The IMAP mailbox as settings keep it: everything but the password, which is sealed. */
export type ImapSettings = Omit<ImapInput, "password">;

export type EmailChannelSettings = Omit<EmailChannelInput, "imap"> & { imap?: ImapSettings };
export type EmailChannelSecrets = { imapPassword?: string };

export const emailChannelConfig: ChannelConfig<EmailChannelInput, EmailChannelSettings, EmailChannelSecrets> = {
  build: ({ imap, ...input }) => {
    const aliases = input.aliases?.filter((alias) => alias !== input.address);
    const settings: EmailChannelSettings = { ...input, ...(aliases ? { aliases } : {}) };
    if (!imap) return { settings, secrets: null };
    const { password, ...mailbox } = imap;
    return { settings: { ...settings, imap: mailbox }, secrets: { imapPassword: password } };
  },
  conflicts: [
    { constraint: "channels_email_address_key", path: "address", message: "This address already belongs to an email channel" },
    {
      constraint: "email_channel_addresses_pkey",
      path: "aliases",
      message: "This address already belongs to another email channel",
    },
  ],
  present: (channel, _secrets, { appUrl }) => ({
    address: channel.settings.address,
    aliases: channel.settings.aliases ?? [],
    displayName: channel.settings.displayName ?? null,
    signature: channel.settings.signature ?? null,
    autoAcknowledge: channel.settings.autoAcknowledge ?? false,
    // The mailbox fetched over IMAP, if any; its password is never shown again.
    imap: channel.settings.imap ?? null,
    // For providers that forward mail over HTTP: POST the raw message here with an API key.
    inboundUrl: `${appUrl}/api/v1/channels/${channel.id}/inbound`,
  }),
};
