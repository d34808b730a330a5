// Client-safe: the composer checks files with these before sending, the server again.
// Mail providers take about 25 MB a message once files are base64-encoded (a third
// larger), and refuse program files outright, so a reply is held to what will arrive.

export const maxReplyFiles = 10;
export const maxReplyFileBytes = 10 * 1024 * 1024;
export const maxReplyTotalBytes = 15 * 1024 * 1024;

// Extensions Gmail and Outlook refuse to deliver, even inside archives some of them.
const refusedExtensions = new Set(
  "ade adp apk appx bat cab chm cmd com cpl dll dmg exe hta ins iso isp jar jnlp js jse lib lnk mde msc msi msix msp mst nsh pif ps1 scr sct shb sys vb vbe vbs vhd vxd wsc wsf wsh xll".split(
    " ",
  ),
);

export type ReplyFileFacts = { name: string; size: number };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Why these files cannot go out with a reply, or null when they can. */
export function replyFilesProblem(files: readonly ReplyFileFacts[]): string | null {
  if (files.length > maxReplyFiles) return `Attach at most ${maxReplyFiles} files to one reply`;
  for (const file of files) {
    const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
    if (extension && refusedExtensions.has(extension)) return `${file.name}: mail servers refuse .${extension} files; share it another way`;
    if (file.size === 0) return `${file.name} is empty`;
    if (file.size > maxReplyFileBytes) return `${file.name} is larger than ${megabytes(maxReplyFileBytes)}`;
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > maxReplyTotalBytes) return `Files of one reply may add up to ${megabytes(maxReplyTotalBytes)} (these are ${megabytes(total)})`;
  return null;
}
