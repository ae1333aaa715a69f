import { Badge, Box, Button, Checkbox, Group, Image, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMediaLibrary, useSetAltText, type MediaItem as MediaAsset } from '../../api/media';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Props {
  workspace: string;
  mediaIds: string[];
  onChange: (mediaIds: string[]) => void;
}

/** Media from the library: thumbnails, alt text (a missing one is flagged and can be written here). */
export function MediaPanel({ workspace, mediaIds, onChange }: Props) {
  const { t } = useTranslation('composer');
  const library = useMediaLibrary(workspace);
  const [open, modal] = useDisclosure(false);
  const items = library.data ?? [];
  const chosen = mediaIds.map((id) => items.find((m) => m.id === id)).filter((m): m is MediaAsset => m !== undefined);
  const toggle = (id: string) =>
    onChange(mediaIds.includes(id) ? mediaIds.filter((m) => m !== id) : [...mediaIds, id].slice(0, 10));

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('media.title')}
        </Text>
        <Button size="compact-sm" variant="light" onClick={modal.open}>
          {t('media.choose')}
        </Button>
      </Group>
      {chosen.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('media.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {chosen.map((item) => (
            <MediaRow key={item.id} workspace={workspace} item={item} />
          ))}
        </Stack>
      )}
      <Modal
        opened={open}
        onClose={modal.close}
        title={t('media.library')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        <ErrorAlert error={library.error} />
        {items.length === 0 && !library.isLoading && <Text size="sm">{t('media.empty')}</Text>}
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          {items.map((item) => (
            <Box key={item.id}>
              <Thumbnail item={item} />
              <Checkbox
                mt={4}
                label={item.altText || t('media.noAlt')}
                checked={mediaIds.includes(item.id)}
                onChange={() => toggle(item.id)}
              />
            </Box>
          ))}
        </SimpleGrid>
        <Button mt="md" fullWidth onClick={modal.close}>
          {t('media.done')}
        </Button>
      </Modal>
    </Stack>
  );
}

function Thumbnail({ item }: { item: MediaAsset }) {
  const { t } = useTranslation('posts');
  return item.previewUrl ? (
    <Image src={item.previewUrl} alt={item.altText ?? ''} h={72} w={96} fit="cover" radius="sm" />
  ) : (
    <Box
      w={96}
      h={72}
      bg="gray.3"
      style={{ borderRadius: 4, display: 'grid', placeItems: 'center', fontSize: 12 }}
      aria-hidden
    >
      {t(`mediaKind.${item.kind}`, { defaultValue: item.kind })}
    </Box>
  );
}

function MediaRow({ workspace, item }: { workspace: string; item: MediaAsset }) {
  const { t } = useTranslation('composer');
  const [alt, setAlt] = useState(item.altText ?? '');
  const save = useSetAltText(workspace);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Thumbnail item={item} />
      <Stack gap={4} style={{ flex: 1 }}>
        {!item.altText && (
          <Badge color="#b02525" variant="light" tt="none">
            {t('media.missingAlt')}
          </Badge>
        )}
        <Group gap={6} wrap="nowrap" align="flex-end">
          <TextInput
            size="xs"
            label={t('media.alt')}
            value={alt}
            onChange={(e) => setAlt(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            size="xs"
            variant="light"
            loading={save.isPending}
            onClick={() => save.mutate({ mediaId: item.id, altText: alt.trim() || null })}
          >
            {t('media.saveAlt')}
          </Button>
        </Group>
        <ErrorAlert error={save.error} />
      </Stack>
    </Group>
  );
}
