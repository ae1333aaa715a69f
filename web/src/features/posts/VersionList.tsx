import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePostVersions } from '../../api/posts';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { VersionDiff } from '../../ui/VersionDiff';
import { reviewText } from '../../ui/version-text';
import classes from './VersionList.module.css';

/** Every kept version of a post, newest first: who made it and when; opened, what it changed. */
export function VersionList({ workspace, postId }: { workspace: string; postId: string }) {
  const { t } = useTranslation('posts');
  const format = useFormatInstant();
  const versions = usePostVersions(workspace, postId);
  const list = versions.data ?? [];
  if (versions.error) return <ErrorAlert error={versions.error} />;
  if (!versions.isLoading && list.length === 0) return <Text size="sm">{t('noVersions')}</Text>;
  return (
    <Stack gap={4} component="ol" p={0} m={0} data-testid="post-versions" className={classes.list}>
      {list
        .map((version, index) => ({ version, before: list[index - 1] }))
        .reverse()
        .map(({ version, before }) => (
          <li key={version.version}>
            <details className={classes.version}>
              <summary>
                {t('versionBy', {
                  version: version.version,
                  editor: version.editor?.name ?? t('unknownEditor'),
                  at: format(version.createdAt),
                })}
              </summary>
              <Box pt={4}>
                <Text size="sm" fw={600}>
                  {before ? t('versionChanges', { version: before.version }) : t('versionText')}
                </Text>
                {before ? (
                  <VersionDiff before={before} after={version} />
                ) : (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {reviewText(version)}
                  </Text>
                )}
              </Box>
            </details>
          </li>
        ))}
    </Stack>
  );
}
