import { Anchor, Badge, Box, Button, Group, Image, List, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../api/media';
import { postPath } from '../../app/links';
import { useFormatInstant } from '../../app/zone';
import { DeleteMediaDialog, EditMediaDialog } from './MediaDialogs';

interface Props {
  workspace: string;
  item: MediaItem;
  editor: boolean;
  onTag: (tag: string) => void;
}

/** Bytes as people read them: "840 KB", "3.2 MB". */
function size(bytes: number, language: string): string {
  const number = (value: number) =>
    value.toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}

/** One library item: picture, description (or the flag that it has none), facts, tags, uses, actions. */
export function MediaCard({ workspace, item, editor, onTag }: Props) {
  const { t, i18n } = useTranslation('media');
  const format = useFormatInstant();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const name = item.altText || t(item.kind === 'VIDEO' ? 'item.video' : 'item.missingAlt');
  const facts = [
    size(item.byteSize, i18n.language),
    item.width && item.height ? t('item.pixels', { width: item.width, height: item.height }) : null,
    item.durationMs ? t('item.duration', { seconds: Math.round(item.durationMs / 1000) }) : null,
    item.mimeType,
  ].filter(Boolean);
  return (
    <Paper withBorder p="sm" component="article" aria-label={name} data-testid="media-item">
      <Stack gap={6}>
        {item.thumbnailUrl ? (
          <Image src={item.thumbnailUrl} alt={item.altText ?? ''} h={160} fit="contain" bg="gray.1" radius="sm" />
        ) : (
          <Box h={160} bg="gray.2" style={{ borderRadius: 4, display: 'grid', placeItems: 'center' }} aria-hidden>
            {t('item.video')}
          </Box>
        )}
        {item.altText ? (
          <Text size="sm">{item.altText}</Text>
        ) : (
          <Badge color="#b02525" variant="light" tt="none" style={{ alignSelf: 'flex-start' }}>
            {t('item.missingAlt')}
          </Badge>
        )}
        <Text size="xs">{facts.join(' · ')}</Text>
        <Metadata state={item.metadata} />
        {item.tags.length > 0 && (
          <Group gap={4} aria-label={t('item.tags')} role="group">
            {item.tags.map((tag) => (
              <Button
                key={tag}
                size="compact-xs"
                variant="light"
                tt="none"
                aria-label={t('item.filterTag', { tag })}
                onClick={() => onTag(tag)}
              >
                #{tag}
              </Button>
            ))}
          </Group>
        )}
        <Uses workspace={workspace} item={item} format={format} />
        {editor && (
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="light"
              aria-label={t('item.editOf', { name })}
              onClick={() => setDialog('edit')}
            >
              {t('item.edit')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="#b02525"
              aria-label={t('item.deleteOf', { name })}
              onClick={() => setDialog('delete')}
            >
              {t('item.delete')}
            </Button>
          </Group>
        )}
      </Stack>
      {dialog === 'edit' && <EditMediaDialog workspace={workspace} item={item} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteMediaDialog workspace={workspace} item={item} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

/** Images: a badge that the location and camera details are gone. Video: the plain sentence that they are not. */
function Metadata({ state }: { state: MediaItem['metadata'] }) {
  const { t } = useTranslation('media');
  if (state === 'STRIPPED')
    return (
      <Badge
        color="#1e6b34"
        variant="light"
        tt="none"
        title={t('item.strippedHint')}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('item.stripped')}
      </Badge>
    );
  return (
    <Text size="xs" c="#8a5a00">
      {t(state === 'KEPT_VIDEO' ? 'item.keptVideo' : 'item.keptOlder')}
    </Text>
  );
}

function Uses({
  workspace,
  item,
  format,
}: {
  workspace: string;
  item: MediaItem;
  format: ReturnType<typeof useFormatInstant>;
}) {
  const { t } = useTranslation('media');
  if (item.usedIn.length === 0) return <Text size="xs">{t('item.unused')}</Text>;
  return (
    <Box>
      <Text size="xs" fw={600}>
        {t('item.usedIn')}
      </Text>
      <List size="xs">
        {item.usedIn.map((use) => (
          <List.Item key={use.postId}>
            <Anchor component={Link} to={postPath(workspace, use.postId)} size="xs">
              {use.campaignName ? `${use.campaignName}: ` : ''}
              {t('item.post', { status: t(`status.${use.status}`, { defaultValue: use.status }) })}
              {use.scheduledAt ? `, ${format(use.scheduledAt, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}
