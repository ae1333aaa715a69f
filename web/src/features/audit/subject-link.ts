import { notificationsPath, postPath } from '../../app/links';
import type { AuditEvent, AuditSubject } from '../../api/audit';

/**
 * The page an audit entry's object lives on, for each subject type the API's audit writer uses (the
 * AuditSubject enumeration of its document); a delivery links to its post (the API adds its post).
 * Undefined when the object has no page of its own (a sign-in session, a notification webhook).
 */
export function subjectPath(workspace: string, event: AuditEvent): string | undefined {
  const subject = event.subjectId ?? undefined;
  return event.subjectType ? pathOf(event.subjectType) : undefined;

  function pathOf(type: AuditSubject): string | undefined {
    switch (type) {
      case 'post':
        return subject && postPath(workspace, subject);
      case 'target':
        return event.postId ? postPath(workspace, event.postId) : undefined;
      case 'campaign':
        return subject && `/${workspace}/campaigns/${subject}`;
      case 'account':
        return `/${workspace}/accounts`;
      case 'media':
        return `/${workspace}/media`;
      case 'key_date':
        return `/${workspace}/calendar`;
      case 'partnership':
        return `/${workspace}/partners`;
      case 'user':
      case 'invitation':
        return `/${workspace}/people`;
      case 'notification':
        return notificationsPath(workspace);
      case 'workspace':
      case 'api_token':
      case 'calendar_feed':
        return `/${workspace}/settings`;
      case 'session':
      case 'webhook':
        return undefined;
      default:
        return unknownSubject(type);
    }
  }
}

/** A subject type this switch does not know yet is a compile error (the API's list grew). */
const unknownSubject = (type: never): undefined => {
  void type;
  return undefined;
};
