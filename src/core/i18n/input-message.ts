import type { LocalizedText } from './locale';

/**
 * Zod carries an input issue's message as one string, so a schema's bilingual message travels
 * encoded in it: written as a LocalizedText with inputMessage, read back by readInputMessage when
 * the exception filter lists the issues (core/errors/zod-issues.ts). The encoding lives here only.
 */
const SEPARATOR = '|';

export function inputMessage(text: LocalizedText): string {
  return `${text.id}${SEPARATOR}${text.en}`;
}

/** The LocalizedText an input message carries; null for a message of zod's own (English only). */
export function readInputMessage(message: string): LocalizedText | null {
  if (!message.includes(SEPARATOR)) return null;
  const [id, en] = message.split(SEPARATOR);
  return { id: id ?? message, en: en ?? message };
}
