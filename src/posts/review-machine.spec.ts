import { roleAtLeast as hasRole } from '../auth/roles';
import fc from 'fast-check';
import type { Role } from '../core/database';
import { isPublishable } from '../publishing/publishable';
import {
  applyReviewAction,
  applyReviewActionOrThrow,
  type ReviewAction,
  type ReviewContext,
  type ReviewState,
} from './review-machine';

const author = 'u-author';
const draft: ReviewState = {
  status: 'DRAFT',
  version: 1,
  approvedVersion: null,
  authorId: author,
  editorIds: [author],
};
const as = (role: Role, userId = `u-${role.toLowerCase()}`, allowSelfApproval = false): ReviewContext => ({
  actor: { userId, role },
  allowSelfApproval,
});
const editor = as('EDITOR', author);
const coordinator = as('COORDINATOR');

function run(state: ReviewState, steps: [ReviewAction, ReviewContext][]): ReviewState {
  return steps.reduce((current, [action, context]) => applyReviewActionOrThrow(current, action, context), state);
}

function errorOf(state: ReviewState, action: ReviewAction, context: ReviewContext) {
  const result = applyReviewAction(state, action, context);
  if (result.ok) throw new Error(`expected ${action.type} to fail from ${state.status}`);
  return result.error;
}

describe('review machine', () => {
  it('runs the happy path: submit, approve, schedulable', () => {
    const approved = run(draft, [
      [{ type: 'submit' }, editor],
      [{ type: 'approve', version: 1 }, coordinator],
    ]);
    expect(approved).toEqual({ status: 'APPROVED', version: 1, approvedVersion: 1, authorId: author, editorIds: [] });
    expect(isPublishable(approved, approved.version)).toBe(true);
  });

  it('sends an approved post back to IN_REVIEW when edited, no longer schedulable', () => {
    const approved = run(draft, [
      [{ type: 'submit' }, editor],
      [{ type: 'approve', version: 1 }, coordinator],
    ]);
    const edited = run(approved, [[{ type: 'edit' }, editor]]);
    expect(edited).toMatchObject({ status: 'IN_REVIEW', version: 2, approvedVersion: null });
    expect(isPublishable(edited, edited.version)).toBe(false);
    expect(run(edited, [[{ type: 'approve', version: 2 }, coordinator]])).toMatchObject({
      status: 'APPROVED',
      approvedVersion: 2,
    });
  });

  it('refuses to approve a version the coordinator has not seen', () => {
    const inReview = run(draft, [
      [{ type: 'submit' }, editor],
      [{ type: 'edit' }, editor],
    ]);
    const error = errorOf(inReview, { type: 'approve', version: 1 }, coordinator);
    expect(error).toMatchObject({ status: 409, code: 'version_changed', params: { seen: 1, current: 2 } });
    expect(error.messageIn('id')).toContain('versi 1');
  });

  it('needs a comment to request changes, and voids the approval', () => {
    const approved = run(draft, [
      [{ type: 'submit' }, editor],
      [{ type: 'approve', version: 1 }, coordinator],
    ]);
    expect(errorOf(approved, { type: 'requestChanges', comment: '  ' }, coordinator)).toMatchObject({
      status: 422,
      code: 'comment_required',
    });
    const sentBack = run(approved, [[{ type: 'requestChanges', comment: 'Ganti tagar' }, coordinator]]);
    expect(sentBack).toMatchObject({ status: 'CHANGES_REQUESTED', approvedVersion: null });
    expect(run(sentBack, [[{ type: 'submit' }, editor]]).status).toBe('IN_REVIEW');
  });

  it('checks roles: editors cannot approve, viewers cannot submit or edit', () => {
    const inReview = run(draft, [[{ type: 'submit' }, editor]]);
    expect(errorOf(inReview, { type: 'approve', version: 1 }, editor)).toMatchObject({
      status: 403,
      code: 'role_too_low',
      params: { role: 'COORDINATOR' },
    });
    expect(errorOf(draft, { type: 'submit' }, as('VIEWER'))).toMatchObject({ status: 403, params: { role: 'EDITOR' } });
    expect(errorOf(draft, { type: 'edit' }, as('VIEWER')).code).toBe('role_too_low');
    expect(run(inReview, [[{ type: 'approve', version: 1 }, as('OWNER')]]).status).toBe('APPROVED');
  });

  it('forbids self-approval unless the workspace allows it', () => {
    const ownPost = { ...draft, authorId: 'u-coord' };
    const inReview = run(ownPost, [[{ type: 'submit' }, as('COORDINATOR', 'u-coord')]]);
    expect(errorOf(inReview, { type: 'approve', version: 1 }, as('COORDINATOR', 'u-coord')).code).toBe(
      'self_approval_forbidden',
    );
    expect(run(inReview, [[{ type: 'approve', version: 1 }, as('COORDINATOR', 'u-coord', true)]]).status).toBe(
      'APPROVED',
    );
  });

  it('forbids approval by whoever edited since the last approval, unless the workspace allows self-approval', () => {
    const rewritten = run(draft, [
      [{ type: 'submit' }, editor],
      [{ type: 'edit' }, coordinator],
    ]);
    expect(rewritten.editorIds).toEqual([author, 'u-coordinator']);
    const refused = errorOf(rewritten, { type: 'approve', version: 2 }, coordinator);
    expect(refused).toMatchObject({ status: 403, code: 'self_approval_forbidden' });
    expect(refused.messageIn('en')).toContain('You edited this version');
    expect(run(rewritten, [[{ type: 'approve', version: 2 }, as('COORDINATOR', 'u-coordinator', true)]]).status).toBe(
      'APPROVED',
    );
    const approved = run(rewritten, [[{ type: 'approve', version: 2 }, as('ADMIN', 'u-other')]]);
    expect(approved.editorIds).toEqual([]);
    // Edits approved by someone else are reviewed: a later version edited by others only is theirs to answer for.
    const editedAgain = run(approved, [[{ type: 'edit' }, as('EDITOR', 'u-third')]]);
    expect(run(editedAgain, [[{ type: 'approve', version: 3 }, coordinator]]).status).toBe('APPROVED');
  });

  it('refuses transitions that do not apply', () => {
    expect(errorOf(draft, { type: 'approve', version: 1 }, coordinator)).toMatchObject({
      status: 409,
      code: 'invalid_transition',
    });
    expect(errorOf(draft, { type: 'withdraw' }, editor).code).toBe('invalid_transition');
    const inReview = run(draft, [[{ type: 'submit' }, editor]]);
    expect(errorOf(inReview, { type: 'submit' }, editor).messageIn('en')).toContain('IN_REVIEW');
  });

  it('lets the author or a coordinator withdraw and cancel, not another editor', () => {
    const inReview = run(draft, [[{ type: 'submit' }, editor]]);
    expect(errorOf(inReview, { type: 'cancel' }, as('EDITOR', 'u-other')).code).toBe('role_too_low');
    expect(run(inReview, [[{ type: 'withdraw' }, editor]]).status).toBe('DRAFT');
    expect(run(inReview, [[{ type: 'cancel' }, coordinator]]).status).toBe('CANCELLED');
  });

  it('treats cancelled as final', () => {
    const cancelled = run(draft, [[{ type: 'cancel' }, editor]]);
    for (const action of [{ type: 'submit' }, { type: 'edit' }, { type: 'withdraw' }, { type: 'cancel' }] as const) {
      expect(errorOf(cancelled, action, as('OWNER')).code).toBe('post_cancelled');
    }
  });

  it('orders roles', () => {
    expect(hasRole('ADMIN', 'COORDINATOR')).toBe(true);
    expect(hasRole('EDITOR', 'COORDINATOR')).toBe(false);
    expect(hasRole('VIEWER', 'VIEWER')).toBe(true);
  });
});

describe('review machine properties', () => {
  const roles: Role[] = ['VIEWER', 'EDITOR', 'COORDINATOR', 'ADMIN', 'OWNER'];
  const contextArb = fc.record({
    actor: fc.record({ userId: fc.constantFrom(author, 'u-2', 'u-3'), role: fc.constantFrom(...roles) }),
    allowSelfApproval: fc.boolean(),
  });
  const actionArb: fc.Arbitrary<ReviewAction> = fc.oneof(
    fc.constant({ type: 'submit' as const }),
    fc.integer({ min: 0, max: 6 }).map((version) => ({ type: 'approve' as const, version })),
    fc.constantFrom('', ' ', 'Perbaiki').map((comment) => ({ type: 'requestChanges' as const, comment })),
    fc.constant({ type: 'edit' as const }),
    fc.constant({ type: 'withdraw' as const }),
    fc.constant({ type: 'cancel' as const }),
  );
  const stepsArb = fc.array(fc.tuple(actionArb, contextArb), { maxLength: 40 });

  it('never makes an unapproved or later-edited version schedulable, and cancelled is final', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let state = draft;
        // Versions approved by an allowed coordinator, at the moment they were approved.
        const legitimatelyApproved = new Set<number>();
        let cancelled = false;
        for (const [action, context] of steps) {
          const result = applyReviewAction(state, action, context);
          if (cancelled) expect(result.ok).toBe(false);
          if (!result.ok) continue;
          const next = result.state;
          expect(next.version).toBeGreaterThanOrEqual(state.version);
          expect(next.authorId).toBe(author);
          if (action.type === 'approve') {
            expect(hasRole(context.actor.role, 'COORDINATOR')).toBe(true);
            expect(context.actor.userId !== author || context.allowSelfApproval).toBe(true);
            expect(!state.editorIds.includes(context.actor.userId) || context.allowSelfApproval).toBe(true);
            expect(action.version).toBe(state.version);
            legitimatelyApproved.add(next.version);
          }
          if (action.type === 'requestChanges') expect(action.comment.trim()).not.toBe('');
          if (action.type === 'edit') expect(next.version).toBe(state.version + 1);
          else expect(next.version).toBe(state.version);
          if (isPublishable(next, next.version)) {
            expect(legitimatelyApproved.has(next.version)).toBe(true);
            // No successful edit since that approval: the version only moves on edit.
            expect(next.approvedVersion).toBe(next.version);
          }
          if (next.status === 'CANCELLED') cancelled = true;
          state = next;
        }
        if (cancelled) expect(state.status).toBe('CANCELLED');
      }),
      { numRuns: 2000 },
    );
  });

  it('never changes the state on a refused action', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let state = draft;
        for (const [action, context] of steps) {
          const before = { ...state };
          const result = applyReviewAction(state, action, context);
          expect(state).toEqual(before);
          if (result.ok) state = result.state;
          else expect(result.error.status).toBeGreaterThanOrEqual(400);
        }
      }),
      { numRuns: 500 },
    );
  });
});
