import type { RecordedRequest } from './contract-server';

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Parses a multipart/form-data body (RFC 7578) the way platform servers read uploads. */
export function parseMultipart(req: RecordedRequest): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: MultipartPart[] = [];
  let start = req.body.indexOf(delimiter);
  while (start !== -1) {
    const next = req.body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = req.body.subarray(start + delimiter.length + 2, next - 2); // strip CRLF after delimiter and before next
    const headerEnd = chunk.indexOf('\r\n\r\n');
    const headers = chunk.subarray(0, headerEnd).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    parts.push({
      name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '',
      filename: /filename="([^"]*)"/.exec(disposition)?.[1],
      contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
      data: chunk.subarray(headerEnd + 4),
    });
    start = next;
  }
  return parts;
}

/** The text fields of a multipart body, by name. */
export function multipartFields(parts: MultipartPart[]): Record<string, string> {
  return Object.fromEntries(
    parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]),
  );
}
