import { Text } from '@mantine/core';
import classes from './TextDiff.module.css';

type Piece = { text: string; kind: 'same' | 'added' | 'removed' };

/** Word-level difference (longest common subsequence): what an editor changed since a version. */
export function diffWords(before: string, after: string): Piece[] {
  const a = before.split(/(\s+)/);
  const b = after.split(/(\s+)/);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lengths = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i * cols + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * cols + j + 1] + 1
          : Math.max(lengths[(i + 1) * cols + j], lengths[i * cols + j + 1]);
  const out: Piece[] = [];
  const push = (text: string, kind: Piece['kind']) => {
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ text, kind });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(a[i], 'same');
      i++;
      j++;
    } else if (lengths[(i + 1) * cols + j] >= lengths[i * cols + j + 1]) push(a[i++], 'removed');
    else push(b[j++], 'added');
  }
  while (i < a.length) push(a[i++], 'removed');
  while (j < b.length) push(b[j++], 'added');
  return out;
}

/** Shows removed words struck through and added words marked (in words for screen readers). */
export function TextDiff({
  before,
  after,
  addedLabel,
  removedLabel,
}: {
  before: string;
  after: string;
  addedLabel: string;
  removedLabel: string;
}) {
  return (
    <Text size="sm" className={classes.diff}>
      {diffWords(before, after).map((piece, index) =>
        piece.kind === 'same' ? (
          piece.text
        ) : piece.kind === 'added' ? (
          <ins key={index} className={classes.added} aria-label={`${addedLabel}: ${piece.text}`}>
            {piece.text}
          </ins>
        ) : (
          <del key={index} className={classes.removed} aria-label={`${removedLabel}: ${piece.text}`}>
            {piece.text}
          </del>
        ),
      )}
    </Text>
  );
}
