const units: [limitSeconds: number, divisor: number, suffix: string][] = [
  [60 * 60, 60, "m"],
  [24 * 60 * 60, 60 * 60, "h"],
  [7 * 24 * 60 * 60, 24 * 60 * 60, "d"],
  [30 * 24 * 60 * 60, 7 * 24 * 60 * 60, "w"],
  [365 * 24 * 60 * 60, 30 * 24 * 60 * 60, "mo"],
];

/** Compact, locale-free relative time, so server and browser render the same text. */
export function formatRelative(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return "just now";
  for (const [limit, divisor, suffix] of units) {
    if (seconds < limit) return `${Math.max(1, Math.floor(seconds / divisor))}${suffix} ago`;
  }
  return `${Math.floor(seconds / (365 * 24 * 60 * 60))}y ago`;
}
