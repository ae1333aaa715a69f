import { postPath } from '../../app/links';
import type { AuditEvent } from '../../api/audit';

/**
 * The page an audit entry's object lives on. Subject types were written by different modules over
 * time (`post` and `Post`), hence the lower-casing; a delivery links to its post when the entry
 * is about (the API adds its post). Undefined when the object has no page (a session, a media file).
 */
export function subjectPath(workspace: string, event: AuditEvent): string | undefined {
  const subject = event.subjectId ?? undefined;
  switch (event.subjectType.toLowerCase()) {
    case 'post':
      return subject && postPath(workspace, subject);
    case 'posttarget':
      return event.postId ? postPath(workspace, event.postId) : undefined;
    case 'campaign':
      return subject && `/${workspace}/campaigns/${subject}`;
    case 'connectedaccount':
      return `/${workspace}/accounts`;
    case 'partnership':
      return `/${workspace}/partners`;
    case 'user':
    case 'invitation':
    case 'membership':
      return `/${workspace}/people`;
    case 'workspace':
    case 'api_token':
    case 'calendar_feed':
      return `/${workspace}/settings`;
    default:
      return undefined;
  }
}
