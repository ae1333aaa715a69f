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
  // Where moved posts are shown until the calendar is refetched (else they snap back meanwhile).
  const [shownAt, setShownAt] = useState<Record<string, string>>({});
  const show = (postId: string, at: string | undefined) =>
    setShownAt(({ [postId]: _old, ...rest }) => (at === undefined ? rest : { ...rest, [postId]: at }));

  const moveTo = (post: CalendarPost, start: Date, revert: () => void) => {
    setRefusal(undefined);
    if (start.getTime() <= Date.now()) {
      revert();
      setRefusal(t('move.past'));
      return;
    }
    const before = { at: wallClock(post.scheduledAt, post.scheduleZone), zone: post.scheduleZone };
    show(post.id, start.toISOString());
    reschedule.mutate(
      { workspace, post, at: wallClock(start, post.scheduleZone), zone: post.scheduleZone },
      {
        onError: revert,
        onSettled: () => show(post.id, undefined),
        onSuccess: () =>
          setUndo({
            message: t('move.done', { at: format(start) }),
            run: () => {
              setUndo(undefined);
              show(post.id, post.scheduledAt);
              reschedule.mutate({ workspace, post, ...before }, { onSettled: () => show(post.id, undefined) });
            },
          }),
      },
    );
  };

  return {
    moveTo,
    shownAt,
    undo,
    dismissUndo: useCallback(() => setUndo(undefined), []),
    refusal,
    clearRefusal: () => setRefusal(undefined),
    error: reschedule.error,
    isPending: reschedule.isPending,
  };
}
