/** The largest message a channel accepts, over SMTP or HTTP (RFC 1870 SIZE). */
export const maxMessageBytes = 25 * 1024 * 1024;
