export type ComposerMode = "reply" | "note";

type KeyPress = Pick<KeyboardEvent, "key" | "code" | "altKey" | "ctrlKey" | "metaKey">;

/**
 * Alt+R / Alt+N switch the composer's mode from inside the text box, where a plain r or n
 * is text. The physical key counts too: on a Mac, Option+N produces a dead key ("˜"), not "n".
 */
export function composerModeShortcut(event: KeyPress): ComposerMode | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const key = event.key.toLowerCase();
  if (key === "n" || event.code === "KeyN") return "note";
  if (key === "r" || event.code === "KeyR") return "reply";
  return null;
}
