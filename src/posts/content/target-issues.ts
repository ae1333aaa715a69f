import type { AltTextPolicy, Platform } from '../../core/database';
import type { ErrorDetail } from '../../core/errors';
import type { Locale, LocalizedText } from '../../core/i18n';
import { platformName } from '../../publishers';
import type { ValidationIssue } from '../../publishers/publisher';
import { validateTargets, type ContentValidator, type TargetIssues } from './validate-targets';

/** A post's content as it is, or as a create or update would make it: targets in the user's order. */
export interface DraftContent {
  baseText: string;
  title: string | null;
  media: ReadonlyArray<{
    id: string;
    kind: 'IMAGE' | 'VIDEO';
    mimeType: string;
    byteSize: number;
    width: number | null;
    height: number | null;
    altText: string | null;
  }>;
  targets: ReadonlyArray<{
    targetId: string | null;
    accountId: string;
    accountName: string;
    platform: Platform;
    settings: unknown;
    text: string | null;
  }>;
  /** The workspace's rule for images without alt text. */
  altTextPolicy: AltTextPolicy;
}

/** One target's issues, addressed by its account. */
export interface AccountIssues extends TargetIssues {
  accountId: string;
  accountName: string;
  /** Worth fixing but not blocking submission (alt text under the RECOMMENDED policy). */
  warnings: ValidationIssue[];
}

const ALT_TEXT_MISSING = {
  id: '{count} gambar belum punya teks alternatif (deskripsi untuk pembaca layar). Tambahkan di pustaka media.',
  en: '{count} image(s) have no alt text (the description screen readers read). Add it in the media library.',
};

/** Every target checked by its platform's own rules, in the order the user gave the targets. */
export function checkContent(
  content: DraftContent,
  validatorFor: (platform: Platform) => ContentValidator,
): AccountIssues[] {
  const results = validateTargets(
    {
      baseText: content.baseText,
      title: content.title,
      // Validation looks at kinds, types and sizes only; it never fetches or reads the bytes.
      media: content.media.map((m) => ({
        ...m,
        publicUrl: '',
        read: () => Promise.reject(new Error('validation does not read media')),
      })),
      targets: content.targets.map((t) => ({
        targetId: t.targetId,
        platform: t.platform,
        text: t.text,
        account: { settings: asSettings(t.settings) },
      })),
    },
    validatorFor,
  );
  const altIssues = missingAltText(content.media);
  return results.map((result, index) => {
    const blocking = content.altTextPolicy === 'REQUIRED';
    return {
      ...result,
      issues: blocking ? [...result.issues, ...altIssues] : result.issues,
      warnings: blocking ? [] : altIssues,
      accountId: content.targets[index]!.accountId,
      accountName: content.targets[index]!.accountName,
    };
  });
}

/**
 * Alt text belongs to the image, so every target that carries the images gets the same issue: the
 * dry run shows it per target like the platform rules, and submission refuses it the same way.
 */
function missingAltText(media: DraftContent['media']): ValidationIssue[] {
  const count = media.filter((m) => m.kind === 'IMAGE' && !m.altText?.trim()).length;
  if (count === 0) return [];
  const fill = (text: string) => text.replace('{count}', String(count));
  return [{ code: 'alt_text_missing', message: { id: fill(ALT_TEXT_MISSING.id), en: fill(ALT_TEXT_MISSING.en) } }];
}

/** The issue's message naming the platform and the account: "Instagram (KSPI): ...". */
function namedIssueMessage(
  target: Pick<AccountIssues, 'platform' | 'accountName'>,
  issue: ValidationIssue,
): LocalizedText {
  const who = `${platformName(target.platform)} (${target.accountName})`;
  return { id: `${who}: ${issue.message.id}`, en: `${who}: ${issue.message.en}` };
}

/** Issues as answers show them: one entry per target (an empty list when it is fine), in the user's order. */
export function presentIssues(results: readonly AccountIssues[], locale: Locale) {
  return results.map((target) => ({
    index: target.index,
    accountId: target.accountId,
    accountName: target.accountName,
    platform: target.platform,
    issues: target.issues.map((issue) => ({ code: issue.code, message: namedIssueMessage(target, issue)[locale] })),
    warnings: target.warnings.map((issue) => ({ code: issue.code, message: namedIssueMessage(target, issue)[locale] })),
  }));
}

/** The same issues as the details of a 422, each pointing at its target and naming its account. */
export function issueDetails(results: readonly AccountIssues[]): ErrorDetail[] {
  return results.flatMap((target) =>
    target.issues.map((issue) => ({
      field: `targets.${target.index}`,
      code: issue.code,
      message: namedIssueMessage(target, issue),
      about: { accountId: target.accountId, accountName: target.accountName, platform: target.platform },
    })),
  );
}

function asSettings(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
