import type { PostStatus, Role } from '../core/database';
import { roleAtLeast } from '../auth/roles';
import { AppError } from '../core/errors';
import type { LocalizedText } from '../core/i18n';

/** What the review rules need to know about a post. */
export interface ReviewState {
  status: PostStatus;
  /** Increases on every change of content, targets or time. */
  version: number;
  /** The version a coordinator approved; null when no approval stands. */
  approvedVersion: number | null;
  authorId: string;
  /** Who wrote or edited content, targets or time since the last approval (the author at first). */
  editorIds: string[];
  /** A rapid-response statement: four eyes always, whatever the workspace allows. */
  statement?: boolean;
}

/**
 * - submit: EDITOR+, DRAFT or CHANGES_REQUESTED -> IN_REVIEW.
 * - approve: COORDINATOR+, IN_REVIEW -> APPROVED; `version` is the one the coordinator read, so a
 *   concurrent edit is never approved unseen. Four eyes: neither the author nor anyone who edited
 *   since the last approval approves, unless the workspace allows self-approval (never for a
 *   rapid-response statement: its release always needs a second person).
 * - requestChanges: COORDINATOR+, IN_REVIEW or APPROVED -> CHANGES_REQUESTED, with a comment.
 * - edit: EDITOR+, any live status; bumps the version and voids an approval (see applyReviewAction).
 * - withdraw: the author or a COORDINATOR+, IN_REVIEW or APPROVED -> DRAFT.
 * - cancel: the author (EDITOR+) or a COORDINATOR+; final.
 * There is no reopen: cancelling is final by design (nothing published afterwards), and a
 * cancelled post is duplicated into a new draft instead.
 */
export type ReviewAction =
  | { type: 'submit' }
  | { type: 'approve'; version: number }
  | { type: 'requestChanges'; comment: string }
  | { type: 'edit' }
  | { type: 'withdraw' }
  | { type: 'cancel' };

export interface ReviewActor {
  userId: string;
  role: Role;
}

export interface ReviewContext {
  actor: ReviewActor;
  /** Workspace.allowSelfApproval: small teams may let an author approve their own post. */
  allowSelfApproval: boolean;
}

export type ReviewResult = { ok: true; state: ReviewState } | { ok: false; error: AppError };

const hasRole = roleAtLeast;

/**
 * Applies one review action, purely. Errors never change the state.
 *
 * Editing an APPROVED post sends it back to IN_REVIEW (not DRAFT): the editor still wants it
 * published, so it goes straight back to the reviewers' queue instead of silently dropping off it,
 * and it cannot publish until the new version is approved. Edits in DRAFT, IN_REVIEW and
 * CHANGES_REQUESTED keep their status (a reviewer sees the new version; approve checks it).
 */
export function applyReviewAction(state: ReviewState, action: ReviewAction, context: ReviewContext): ReviewResult {
  if (state.status === 'CANCELLED') return fail(AppError.conflict('post_cancelled', TEXT.cancelled));
  const { actor } = context;
  const isAuthor = actor.userId === state.authorId;
  switch (action.type) {
    case 'submit':
      if (!hasRole(actor.role, 'EDITOR')) return fail(roleError('EDITOR'));
      if (state.status !== 'DRAFT' && state.status !== 'CHANGES_REQUESTED') return fail(transitionError(action, state));
      return done({ ...state, status: 'IN_REVIEW' });
    case 'approve':
      if (!hasRole(actor.role, 'COORDINATOR')) return fail(roleError('COORDINATOR'));
      if (state.status !== 'IN_REVIEW') return fail(transitionError(action, state));
      if (state.statement && (isAuthor || state.editorIds.includes(actor.userId))) {
        return fail(AppError.forbidden('statement_needs_second_person', TEXT.statementSecondPerson));
      }
      if (!context.allowSelfApproval) {
        if (isAuthor) return fail(AppError.forbidden('self_approval_forbidden', TEXT.selfApproval));
        if (state.editorIds.includes(actor.userId))
          return fail(AppError.forbidden('self_approval_forbidden', TEXT.ownEditApproval));
      }
      if (action.version !== state.version) {
        return fail(
          AppError.conflict('version_changed', TEXT.versionChanged, { seen: action.version, current: state.version }),
        );
      }
      return done({ ...state, status: 'APPROVED', approvedVersion: state.version, editorIds: [] });
    case 'requestChanges':
      if (!hasRole(actor.role, 'COORDINATOR')) return fail(roleError('COORDINATOR'));
      if (state.status !== 'IN_REVIEW' && state.status !== 'APPROVED') return fail(transitionError(action, state));
      if (action.comment.trim() === '') return fail(AppError.unprocessable('comment_required', TEXT.commentRequired));
      return done({ ...state, status: 'CHANGES_REQUESTED', approvedVersion: null });
    case 'edit':
      if (!hasRole(actor.role, 'EDITOR')) return fail(roleError('EDITOR'));
      return done({
        ...state,
        status: state.status === 'APPROVED' ? 'IN_REVIEW' : state.status,
        version: state.version + 1,
        approvedVersion: null,
        editorIds: state.editorIds.includes(actor.userId) ? state.editorIds : [...state.editorIds, actor.userId],
      });
    case 'withdraw':
      if (!(isAuthor && hasRole(actor.role, 'EDITOR')) && !hasRole(actor.role, 'COORDINATOR'))
        return fail(roleError('COORDINATOR'));
      if (state.status !== 'IN_REVIEW' && state.status !== 'APPROVED') return fail(transitionError(action, state));
      return done({ ...state, status: 'DRAFT', approvedVersion: null });
    case 'cancel':
      if (!(isAuthor && hasRole(actor.role, 'EDITOR')) && !hasRole(actor.role, 'COORDINATOR'))
        return fail(roleError('COORDINATOR'));
      return done({ ...state, status: 'CANCELLED', approvedVersion: null });
  }
}

/** What the actor may do with the post now: each answer comes from applyReviewAction itself. */
export function allowedReviewActions(state: ReviewState, context: ReviewContext) {
  const may = (action: ReviewAction) => applyReviewAction(state, action, context).ok;
  return {
    submit: may({ type: 'submit' }),
    approve: may({ type: 'approve', version: state.version }),
    requestChanges: may({ type: 'requestChanges', comment: 'why' }),
    edit: may({ type: 'edit' }),
    withdraw: may({ type: 'withdraw' }),
    cancel: may({ type: 'cancel' }),
  };
}

/** For services: the new state, or the AppError thrown. */
export function applyReviewActionOrThrow(
  state: ReviewState,
  action: ReviewAction,
  context: ReviewContext,
): ReviewState {
  const result = applyReviewAction(state, action, context);
  if (!result.ok) throw result.error;
  return result.state;
}

function done(state: ReviewState): ReviewResult {
  return { ok: true, state };
}

function fail(error: AppError): ReviewResult {
  return { ok: false, error };
}

function roleError(minimum: Role): AppError {
  return AppError.forbidden('role_too_low', TEXT.role, { role: minimum });
}

function transitionError(action: ReviewAction, state: ReviewState): AppError {
  return AppError.conflict('invalid_transition', TEXT.transition, { action: action.type, status: state.status });
}

const TEXT = {
  cancelled: {
    id: 'Unggahan ini sudah dibatalkan; pembatalan bersifat final. Buat salinan sebagai draf baru.',
    en: 'This post was cancelled; cancelling is final. Duplicate it into a new draft instead.',
  },
  role: {
    id: 'Tindakan ini memerlukan peran {role} atau lebih tinggi.',
    en: 'This action needs the {role} role or higher.',
  },
  selfApproval: {
    id: 'Anda tidak dapat menyetujui unggahan Anda sendiri di ruang kerja ini.',
    en: 'You cannot approve your own post in this workspace.',
  },
  statementSecondPerson: {
    id: 'Pernyataan cepat harus dirilis oleh koordinator atau admin lain, bukan oleh penulis atau penyuntingnya.',
    en: 'A rapid-response statement must be released by another coordinator or admin, not by its writer or editor.',
  },
  ownEditApproval: {
    id: 'Anda ikut mengubah versi ini, jadi koordinator lain yang harus menyetujuinya (ruang kerja ini tidak mengizinkan persetujuan sendiri).',
    en: 'You edited this version, so another coordinator must approve it (this workspace does not allow self-approval).',
  },
  versionChanged: {
    id: 'Unggahan diubah sejak Anda membacanya (versi {seen}, sekarang {current}). Periksa versi terbaru sebelum menyetujui.',
    en: 'The post changed since you read it (version {seen}, now {current}). Review the latest version before approving.',
  },
  commentRequired: {
    id: 'Tuliskan komentar yang menjelaskan perubahan yang diminta.',
    en: 'Write a comment explaining the changes you request.',
  },
  transition: {
    id: 'Tindakan "{action}" tidak berlaku untuk unggahan berstatus {status}.',
    en: 'The action "{action}" does not apply to a post in status {status}.',
  },
} satisfies Record<string, LocalizedText>;
