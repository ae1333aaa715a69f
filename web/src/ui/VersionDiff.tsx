import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatInstant } from '../app/zone';
import { TextDiff } from './TextDiff';
import { reviewText, type VersionTexts } from './version-text';

export interface DiffableVersion extends VersionTexts {
  scheduledAt: string | null;
  publishNow?: boolean;
}

/** What changed between two versions of a post: the texts word by word, and the time when it moved. */
export function VersionDiff({ before, after }: { before: DiffableVersion; after: DiffableVersion }) {
  const { t } = useTranslation('posts');
  const format = useFormatInstant();
  const when = (v: DiffableVersion) =>
    v.publishNow ? t('publishNow') : v.scheduledAt ? format(v.scheduledAt) : t('noTime');
  const textBefore = reviewText(before);
  const textAfter = reviewText(after);
  return (
    <Stack gap={4}>
      {when(before) !== when(after) && (
        <Text size="sm">{t('diff.time', { before: when(before), after: when(after) })}</Text>
      )}
      {textBefore === textAfter ? (
        <Text size="sm">{t('diff.sameText')}</Text>
      ) : (
        <TextDiff before={textBefore} after={textAfter} addedLabel={t('diff.added')} removedLabel={t('diff.removed')} />
      )}
    </Stack>
  );
}
