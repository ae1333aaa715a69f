import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarPost } from '../../api/types';
import { postPath } from '../../app/links';
import { wallClock, zoneLabel } from '../../app/zone';
import { Dialog } from '../../ui/Dialog';
import { instantOf } from '../../ui/zoned-input';

interface Props {
  workspace: string;
  post: CalendarPost;
  /** The calendar's zone: the field shows and takes the time there. */
  zone: string;
  onMove: (start: Date) => void;
  onClose: () => void;
}

/**
 * Moving a post without a mouse: Enter on a movable post opens this menu; the new time goes through
 * the same move as a drag (past refused before asking, then the API, then an undo).
 */
export function MoveDialog({ workspace, post, zone, onMove, onClose }: Props) {
  const { t } = useTranslation('calendar');
  const [at, setAt] = useState(() => wallClock(post.scheduledAt, zone));
  const start = instantOf(at, zone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!start) return;
    onClose();
    onMove(start);
  };
  return (
    <Dialog closeLabel={t('move.dismiss')} onClose={onClose} title={t('move.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" lineClamp={3}>
            {post.excerpt}
          </Text>
          <Anchor component={Link} to={postPath(workspace, post.id)} size="sm">
            {t('move.open')}
          </Anchor>
          <TextInput
            type="datetime-local"
            label={t('move.at', { zone: zoneLabel(zone) })}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Button type="submit" disabled={!start}>
            {t('move.confirm')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}
