import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddComment, useComments } from '../api/posts';
import { useFormatInstant } from '../app/zone';
import { ErrorAlert } from './ErrorAlert';

/**
 * What the person wrote, or '' for a review step taken without words, which the thread names by
 * its kind in the reader's language. The API stores those with an empty body; entries written
 * before it did carry the kind in English lower case ("submitted", "approved") as their body.
 */
function wordsOf(comment: { kind: string; body: string }): string {
  const body = comment.body.trim();
  return comment.kind !== 'COMMENT' && body === comment.kind.toLowerCase() ? '' : body;
}

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
      {(comments.data ?? []).map((comment) => {
        const words = wordsOf(comment);
        return (
          <div key={comment.id} data-testid="thread-entry">
            <Text size="xs" c="dimmed">
              {comment.author.name}
              {words ? ` · ${t(`kind.${comment.kind}`)}` : ''} · v{comment.postVersion} · {format(comment.createdAt)}
            </Text>
            {words ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {words}
              </Text>
            ) : (
              <Text size="sm" fw={600}>
                {t(`step.${comment.kind}`)}
              </Text>
            )}
          </div>
        );
      })}
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
