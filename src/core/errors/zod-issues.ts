import type { z } from 'zod';
import { readInputMessage } from '../i18n';
import type { ErrorDetail } from './app-error';

/** Turns zod issues into per-field details with messages in Indonesian and English. */
export function detailsFromZod(issues: z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.flatMap((issue): ErrorDetail[] => {
    const field = issue.path.map(String).join('.') || undefined;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [field, key].filter(Boolean).join('.'),
        code: 'unknown_field',
        message: { id: 'Kolom ini tidak dikenal.', en: 'This field is not recognised.' },
      }));
    }
    return [{ field, code: issue.code, message: describe(issue) }];
  });
}

function describe(issue: z.core.$ZodIssue): { id: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { id: 'Wajib diisi.', en: 'Required.' };
      return { id: `Harus bertipe ${issue.expected}.`, en: `Must be of type ${issue.expected}.` };
    case 'too_big':
      return issue.origin === 'string'
        ? { id: `Paling banyak ${issue.maximum} karakter.`, en: `At most ${issue.maximum} characters.` }
        : issue.origin === 'array'
          ? { id: `Paling banyak ${issue.maximum} butir.`, en: `At most ${issue.maximum} items.` }
          : { id: `Paling besar ${issue.maximum}.`, en: `At most ${issue.maximum}.` };
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) === 1
          ? { id: 'Tidak boleh kosong.', en: 'Must not be empty.' }
          : { id: `Paling sedikit ${issue.minimum} karakter.`, en: `At least ${issue.minimum} characters.` }
        : issue.origin === 'array'
          ? { id: `Paling sedikit ${issue.minimum} butir.`, en: `At least ${issue.minimum} items.` }
          : { id: `Paling kecil ${issue.minimum}.`, en: `At least ${issue.minimum}.` };
    case 'invalid_format':
      return { id: `Format tidak valid (${issue.format}).`, en: `Invalid format (${issue.format}).` };
    case 'invalid_value':
      return {
        id: `Harus salah satu dari: ${issue.values.map(String).join(', ')}.`,
        en: `Must be one of: ${issue.values.map(String).join(', ')}.`,
      };
    default:
      // A schema's own message is bilingual (inputMessage); anything else keeps zod's English text.
      return readInputMessage(issue.message) ?? { id: issue.message, en: issue.message };
  }
}
