import { useEffect, useState } from 'react';
import { checkDraft } from '../../api/posts';
import type { TargetIssues } from '../../api/post-types';
import { draftOf, type ComposerState } from './composer-state';

export type CheckState =
  | { kind: 'idle' | 'checking' }
  | { kind: 'checked'; submittable: boolean; issues: TargetIssues[] }
  | { kind: 'failed'; error: unknown };

/**
 * Asks the API's dry run about the draft a moment after the user stops typing. The API is the one
 * judge: until it has answered for this very text, the page does not call the post fine.
 */
export function useDraftCheck(workspace: string, state: ComposerState): CheckState {
  const [check, setCheck] = useState<CheckState>({ kind: 'idle' });
  const draft = draftOf(state);
  const key = JSON.stringify(draft);
  useEffect(() => {
    if (draft.targets.length === 0) {
      setCheck({ kind: 'idle' });
      return;
    }
    let current = true;
    setCheck({ kind: 'checking' });
    const timer = setTimeout(() => {
      checkDraft(workspace, state.postId, draft).then(
        (answer) => current && setCheck({ kind: 'checked', submittable: answer.submittable, issues: answer.issues }),
        (error: unknown) => current && setCheck({ kind: 'failed', error }),
      );
    }, 600);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the draft's content decides, not its identity
  }, [key, workspace, state.postId]);
  return check;
}
