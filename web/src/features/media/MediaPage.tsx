import { Badge, CloseButton, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMediaLibrary } from '../../api/media';
import { roleAtLeast } from '../../api/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { MediaSearch } from '.';
import { MediaCard } from './MediaCard';
import { UploadForm } from './UploadForm';

/** The workspace's media: what each item is, whether it is described and safe, where it is used. */
export function MediaPage() {
  const { t } = useTranslation('media');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const editor = roleAtLeast(membership.role, 'EDITOR');
  const search = useSearch({ from: '/$workspace/media' });
  const navigate = useNavigate();
  const setSearch = (next: MediaSearch) =>
    void navigate({ to: '/$workspace/media', params: { workspace }, search: { ...search, ...next }, replace: true });
  const [q, setQ] = useState(search.q ?? '');
  const searchLater = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 300);
  const library = useMediaLibrary(workspace, search);
  const items = library.data ?? [];
  const filtered = Boolean(search.q || search.tag);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text>{t('explain')}</Text>
      {editor && <UploadForm workspace={workspace} />}
      <Group align="flex-end" gap="sm">
        <TextInput
          type="search"
          label={t('search.q')}
          description={t('search.qHint')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            searchLater(e.currentTarget.value);
          }}
          style={{ flex: '1 1 16rem' }}
        />
        {search.tag && (
          <Badge
            size="lg"
            tt="none"
            variant="light"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('search.clearTag', { tag: search.tag })}
                onClick={() => setSearch({ tag: undefined })}
              />
            }
          >
            {t('search.tag', { tag: search.tag })}
          </Badge>
        )}
      </Group>
      <ErrorAlert error={library.error} />
      {library.data && (
        <Text size="sm" role="status">
          {items.length === 0 ? t(filtered ? 'noMatch' : 'empty') : t('search.count', { count: items.length })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {items.map((item) => (
          <MediaCard
            key={item.id}
            workspace={workspace}
            item={item}
            editor={editor}
            onTag={(tag) => setSearch({ tag })}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
