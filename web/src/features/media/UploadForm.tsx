import { Alert, Button, FileInput, Group, Paper, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_TYPES, useUploadMedia } from '../../api/media';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** One file at a time, with its alt text if the uploader has it ready. */
export function UploadForm({ workspace }: { workspace: string }) {
  const { t } = useTranslation('media');
  const upload = useUploadMedia(workspace);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    upload.mutate(
      { file, altText: alt },
      {
        onSuccess: () => {
          setFile(null);
          setAlt('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="media-upload">
      <Title order={2} size="h4" id="media-upload">
        {t('upload.title')}
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" mt="xs">
          <FileInput
            required
            clearable
            label={t('upload.file')}
            description={t('upload.fileHint')}
            accept={UPLOAD_TYPES.join(',')}
            value={file}
            onChange={(f) => {
              upload.reset();
              setFile(f);
            }}
            style={{ flex: '1 1 16rem' }}
          />
          <TextInput
            label={t('upload.alt')}
            value={alt}
            onChange={(e) => setAlt(e.currentTarget.value)}
            maxLength={1500}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" loading={upload.isPending} disabled={!file}>
            {t('upload.submit')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={upload.error} />
      {upload.isSuccess && (
        <Alert mt="sm" color="#1e6b34" role="status">
          {t('upload.done', { name: upload.variables.file.name })}
        </Alert>
      )}
    </Paper>
  );
}
