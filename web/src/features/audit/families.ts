/**
 * The audit log's "what" filter: families of actions (the API matches `family.*`), in the order
 * the filter offers them. test/audit/audit-actions.spec.ts checks that every family the API's
 * audit writers use is here, and that each has its name in audit.json.
 */
export const AUDIT_FAMILIES = [
  'post',
  'statement',
  'target',
  'campaign',
  'key_date',
  'partnership',
  'account',
  'media',
  'member',
  'invitation',
  'workspace',
  'telegram',
  'notification',
  'webhook',
  'api_token',
  'calendar_feed',
  'session',
  'user',
] as const;
