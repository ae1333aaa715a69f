import type { Platform } from '../../core/database';
import type { AccountContext, MediaItem, Publisher, PublishContent, ValidationIssue } from '../../publishers/publisher';

/** The shape of Publisher.validate. */
export type ContentValidator = (
  content: PublishContent,
  account: Pick<AccountContext, 'settings'>,
) => ValidationIssue[];

export interface ContentTarget {
  /** Null for a target not saved yet. */
  targetId: string | null;
  platform: Platform;
  /** The target's own text; null means the post's base text. */
  text: string | null;
  account: Pick<AccountContext, 'settings'>;
}

export interface PostContentInput {
  baseText: string;
  title: string | null;
  media: MediaItem[];
  targets: readonly ContentTarget[];
}

export interface TargetIssues {
  /** Position in the input, so a form can point at a target that has no id yet. */
  index: number;
  targetId: string | null;
  platform: Platform;
  issues: ValidationIssue[];
}

/**
 * Validates every target of a post with its platform's validator, on the text that platform will
 * actually receive (the target's own text, or the base text). Every target is listed, with an empty
 * issue list when it is fine, so a form can clear old warnings.
 */
export function validateTargets(
  input: PostContentInput,
  validatorFor: (platform: Platform) => ContentValidator,
): TargetIssues[] {
  return input.targets.map((target, index) => {
    const content: PublishContent = { text: target.text ?? input.baseText, title: input.title, media: input.media };
    return {
      index,
      targetId: target.targetId,
      platform: target.platform,
      issues: validatorFor(target.platform)(content, target.account),
    };
  });
}

export function hasIssues(results: readonly TargetIssues[]): boolean {
  return results.some((result) => result.issues.length > 0);
}

/** The validator of each platform is its publisher's own validate: one rule set, draft and publish. */
export function validatorFrom(registry: { get(platform: Platform): Publisher }) {
  return (platform: Platform): ContentValidator => {
    const publisher = registry.get(platform);
    return (content, account) => publisher.validate(content, account);
  };
}
