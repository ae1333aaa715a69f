import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReschedule } from '../../api/calendar';
import type { CalendarPost } from '../../api/types';
import { useFormatInstant, wallClock } from '../../app/zone';

interface Undo {
  message: string;
  run: () => void;
}

/**
 * Drag-to-reschedule: the past is refused before asking; the new instant goes to the API as the
 * wall-clock time in the zone the post was planned in (so it stays planned there); after each
 * move an undo puts it back where it was.
 */
export function useMovePost(workspace: string) {
  const { t } = useTranslation('calendar');
  const reschedule = useReschedule();
  const format = useFormatInstant();
  const [undo, setUndo] = useState<Undo>();
  const [refusal, setRefusal] = useState<string>();

  const moveTo = (post: CalendarPost, start: Date, revert: () => void) => {
    setRefusal(undefined);
    if (start.getTime() <= Date.now()) {
      revert();
      setRefusal(t('move.past'));
      return;
    }
    const before = { at: wallClock(post.scheduledAt, post.scheduleZone), zone: post.scheduleZone };
    reschedule.mutate(
      { workspace, post, at: wallClock(start, post.scheduleZone), zone: post.scheduleZone },
      {
        onError: revert,
        onSuccess: () =>
          setUndo({
            message: t('move.done', { at: format(start) }),
            run: () => {
              setUndo(undefined);
              reschedule.mutate({ workspace, post, ...before });
            },
          }),
      },
    );
  };

  return {
    moveTo,
    undo,
    dismissUndo: useCallback(() => setUndo(undefined), []),
    refusal,
    clearRefusal: () => setRefusal(undefined),
    error: reschedule.error,
    isPending: reschedule.isPending,
  };
}
