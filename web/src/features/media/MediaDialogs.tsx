import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteMedia, useUpdateMedia, type MediaItem } from '../../api/media';
import { Dialog } from '../../ui/Dialog';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Props {
  workspace: string;
  item: MediaItem;
  onClose: () => void;
}

const tagsFrom = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

/** Alt text and tags, saved together. */
export function EditMediaDialog({ workspace, item, onClose }: Props) {
  const { t } = useTranslation('media');
  const update = useUpdateMedia(workspace);
  const [alt, setAlt] = useState(item.altText ?? '');
  const [tags, setTags] = useState(item.tags.join(', '));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ mediaId: item.id, altText: alt.trim() || null, tags: tagsFrom(tags) }, { onSuccess: onClose });
  };
  return (
    <Dialog title={t('edit.title')} onClose={onClose} closeLabel={t('common:close')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            data-autofocus
            label={t('edit.alt')}
            description={t('edit.altHint')}
            value={alt}
            onChange={(e) => setAlt(e.currentTarget.value)}
            maxLength={1500}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('edit.tags')}
            description={t('edit.tagsHint')}
            value={tags}
            onChange={(e) => setTags(e.currentTarget.value)}
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('edit.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** Asks first; a refusal (409 media_in_use) is shown in the API's own words. */
export function DeleteMediaDialog({ workspace, item, onClose }: Props) {
  const { t } = useTranslation('media');
  const remove = useDeleteMedia(workspace);
  return (
    <Dialog title={t('delete.title')} onClose={onClose} closeLabel={t('common:close')}>
      <Stack gap="sm">
        <Text size="sm">{item.altText ?? item.mimeType}</Text>
        <Text size="sm">{t('delete.body')}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('delete.cancel')}
          </Button>
          <Button
            color="#b02525"
            loading={remove.isPending}
            disabled={remove.isError}
            onClick={() => remove.mutate(item.id, { onSuccess: onClose })}
          >
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
