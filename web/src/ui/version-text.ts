/** What a version of a post says, in the shape both a post and a kept version have. */
export interface VersionTexts {
  title: string | null;
  baseText: string;
  targets: ReadonlyArray<{ accountName: string; text: string | null }>;
}

/** The texts of a post (or of one of its versions) as one reviewable text: title, base text, then each account's own text. */
export const reviewText = (post: VersionTexts): string =>
  [
    post.title ? `# ${post.title}` : '',
    post.baseText,
    ...post.targets.filter((t) => t.text !== null).map((t) => `[${t.accountName}] ${t.text}`),
  ]
    .filter(Boolean)
    .join('\n\n');
