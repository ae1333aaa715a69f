/**
 * A platform's reason for a failure, for communicators: the platform's own words when it sent
 * them, in whatever shape. Publishers read their platform's documented error fields first; when
 * those are missing (a proxy's HTML page, another server's JSON), this still shows what came back
 * instead of a bare "HTTP 500" or "[object Object]". PublishError cuts the result short.
 */
const MESSAGE_FIELDS = [
  'message',
  'error_description',
  'description',
  'detail',
  'error',
  'title',
  'msg',
  'reason',
] as const;

/** The first non-empty text among `candidates`: objects and numbers are never shown as "[object Object]". */
export function firstText(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
  }
  return undefined;
}

/** "<Platform> answered HTTP <status>", followed by whatever the body says, readable. */
export function unexpectedReason(platformName: string, status: number, data: unknown): string {
  const said = bodyText(data);
  return said ? `${platformName} answered HTTP ${status}: ${said}` : `${platformName} answered HTTP ${status}`;
}

function bodyText(data: unknown, depth = 0): string | undefined {
  if (Buffer.isBuffer(data)) return bodyText(data.toString('utf8'), depth);
  if (typeof data === 'string') return plain(data);
  if (typeof data !== 'object' || data === null || depth > 2) return undefined;
  if (Array.isArray(data)) return bodyText(data[0], depth + 1);
  const record = data as Record<string, unknown>;
  for (const field of MESSAGE_FIELDS) {
    const value = record[field];
    const text =
      typeof value === 'string'
        ? plain(value)
        : typeof value === 'object' && value !== null
          ? bodyText(value, depth + 1)
          : undefined;
    if (text) return text;
  }
  if (Array.isArray(record.errors)) {
    const text = bodyText(record.errors[0], depth + 1);
    if (text) return text;
  }
  const json = JSON.stringify(data);
  return json === '{}' ? undefined : json;
}

/** Text without markup and runs of white space (an HTML error page becomes its words). */
function plain(text: string): string | undefined {
  const words = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words || undefined;
}
