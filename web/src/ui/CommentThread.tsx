import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddComment, useComments } from '../api/posts';
import { useFormatInstant } from '../app/zone';
import { ErrorAlert } from './ErrorAlert';

/** The review thread of a post, oldest first, with a box to add to it. */
export function CommentThread({
  workspace,
  postId,
  canComment,
}: {
  workspace: string;
  postId: string;
  canComment: boolean;
}) {
  const { t } = useTranslation('posts');
  const comments = useComments(workspace, postId);
  const add = useAddComment(workspace, postId);
  const [text, setText] = useState('');
  const format = useFormatInstant();
  return (
    <Stack gap={6}>
      <ErrorAlert error={comments.error} />
      {(comments.data ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('thread.empty')}
        </Text>
      )}
      {(comments.data ?? []).map((comment) => (
        <div key={comment.id}>
          <Text size="xs" c="dimmed">
            {comment.author.name} · {t(`kind.${comment.kind}`)} · v{comment.postVersion} · {format(comment.createdAt)}
          </Text>
          {comment.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {comment.body}
            </Text>
          )}
        </div>
      ))}
      {canComment && (
        <>
          <Textarea
            label={t('thread.add')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ErrorAlert error={add.error} />
          <Button
            variant="light"
            size="sm"
            disabled={!text.trim()}
            loading={add.isPending}
            onClick={() => add.mutate(text.trim(), { onSuccess: () => setText('') })}
          >
            {t('thread.send')}
          </Button>
        </>
      )}
    </Stack>
  );
}
