// Durations as users write them on the command line: `45s`, `30m`, `2h`, `1d`.

/** `2h`, `30m`, `45s`, `1d` -> milliseconds; undefined for anything else. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+)(s|m|h|d)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
