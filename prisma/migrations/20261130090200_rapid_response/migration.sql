-- Issue 13: rapid-response statements, the "approval about to miss its time" warning, the daily digest.

-- A statement is a post that publishes the moment a second person releases it (docs/publishing.md).
ALTER TABLE "Post" ADD COLUMN "statement" BOOLEAN NOT NULL DEFAULT false;
-- The version coordinators were last warned about (approval due within the hour): once per version.
ALTER TABLE "Post" ADD COLUMN "approvalDueWarnedVersion" INTEGER;
CREATE INDEX "Post_workspaceId_statement_createdAt_idx" ON "Post"("workspaceId", "statement", "createdAt");
-- The sweeper's look-up of posts in review whose time is near.
CREATE INDEX "Post_status_scheduledAt_idx" ON "Post"("status", "scheduledAt");

ALTER TYPE "NotificationKind" ADD VALUE 'STATEMENT_AWAITING_RELEASE';
ALTER TYPE "NotificationKind" ADD VALUE 'POST_APPROVAL_DUE_SOON';

-- Daily digest: the hour (0-23, the user's zone) of one e-mail that lists the non-urgent kinds; null: no digest.
ALTER TABLE "NotificationPreference" ADD COLUMN "digestHour" INTEGER;
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_digest_hour_check" CHECK ("digestHour" IS NULL OR ("digestHour" >= 0 AND "digestHour" <= 23));

-- A recipient's e-mail waiting for their digest: due at digestDueAt, sent at digestSentAt.
ALTER TABLE "NotificationRecipient" ADD COLUMN "digestDueAt" TIMESTAMPTZ(3);
ALTER TABLE "NotificationRecipient" ADD COLUMN "digestSentAt" TIMESTAMPTZ(3);
CREATE INDEX "NotificationRecipient_userId_digestDueAt_idx" ON "NotificationRecipient"("userId", "digestDueAt");
