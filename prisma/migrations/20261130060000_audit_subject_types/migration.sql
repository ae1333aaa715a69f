-- Audit subjects are one closed, lower-case list (AuditSubject in src/core/audit/audit-writer.ts).
-- The engine used to write model names ('Post', 'PostTarget', ...) where the rest of the app wrote
-- 'post'; rename the stored rows so one subject reads the same everywhere. Data only: the column
-- stays text. Notification."subjectType" is not an audit subject and is left as it is.
UPDATE "AuditEvent"
   SET "subjectType" = CASE "subjectType"
         WHEN 'Post' THEN 'post'
         WHEN 'PostTarget' THEN 'target'
         WHEN 'ConnectedAccount' THEN 'account'
         WHEN 'Workspace' THEN 'workspace'
         WHEN 'Campaign' THEN 'campaign'
       END
 WHERE "subjectType" IN ('Post', 'PostTarget', 'ConnectedAccount', 'Workspace', 'Campaign');
