/** What each kind's part of the new-channel form gets: the errors of its own fields. */
export type ChannelFieldsProps = { errors: Record<string, string | undefined> };
