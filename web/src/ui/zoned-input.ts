/**
 * Wall-clock times typed in a zone and the instants they name. The API resolves `{at, zone}` itself
 * (and refuses the past and DST gaps); the page uses these only to show the same instant elsewhere.
 */
function offsetMinutes(instant: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - instant) / 60_000);
}

/** `YYYY-MM-DDTHH:mm` in `zone` → the instant, or undefined when the text is not such a time. */
export function instantOf(at: string, zone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(at);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const first = naive - offsetMinutes(naive, zone) * 60_000;
  return new Date(naive - offsetMinutes(first, zone) * 60_000);
}
