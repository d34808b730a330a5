/** "We'll answer from Monday 09:00." in the visitor's own time zone and language. */
export function formatNextOpen(nextOpenAt: string | null): string {
  if (!nextOpenAt) return "We'll answer as soon as someone is back.";
  const when = new Date(nextOpenAt);
  const sameDay = when.toDateString() === new Date().toDateString();
  const time = when.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const day = sameDay ? "today" : when.toLocaleDateString(undefined, { weekday: "long" });
  return `We'll answer from ${day} ${time}.`;
}
