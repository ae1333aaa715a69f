-- Notifications become a code (kind) with typed parameters and a typed subject, rendered in each
-- reader's language when read, and reach people: recipients with a read time (docs/notifications.md).
ALTER TYPE "NotificationKind" ADD VALUE 'POST_SUBMITTED';
ALTER TYPE "NotificationKind" ADD VALUE 'POST_CHANGES_REQUESTED';
ALTER TYPE "NotificationKind" ADD VALUE 'POST_APPROVED';
ALTER TYPE "NotificationKind" ADD VALUE 'POST_COMMENTED';
ALTER TYPE "NotificationKind" ADD VALUE 'WORKSPACE_HELD';
ALTER TYPE "NotificationKind" ADD VALUE 'WORKSPACE_RESUMED';
ALTER TYPE "NotificationKind" ADD VALUE 'CAMPAIGN_HELD';
ALTER TYPE "NotificationKind" ADD VALUE 'CAMPAIGN_RESUMED';
ALTER TYPE "NotificationKind" ADD VALUE 'PARTNER_INVITED';

CREATE TYPE "NotificationSubject" AS ENUM ('POST', 'ACCOUNT', 'CAMPAIGN', 'WORKSPACE');

ALTER TABLE "Notification"
  ADD COLUMN "targetId" UUID,
  ADD COLUMN "params" JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "subject" "NotificationSubject";

-- Old rows keep their stored bilingual text as the "legacy" parameter, which the renderer shows as
-- it is; a delivery's row moves its subject to the post and keeps the delivery in targetId.
UPDATE "Notification" SET "params" = jsonb_build_object('legacy', "message");
UPDATE "Notification" n SET "targetId" = t."id", "subjectId" = t."postId"::text, "subject" = 'POST'
  FROM "PostTarget" t WHERE n."subjectType" = 'PostTarget' AND t."id"::text = n."subjectId";
UPDATE "Notification" SET "subject" = CASE
    WHEN "subjectType" = 'ConnectedAccount' THEN 'ACCOUNT'::"NotificationSubject"
    WHEN "subjectType" = 'Campaign' THEN 'CAMPAIGN'::"NotificationSubject"
    WHEN "subjectType" = 'Workspace' THEN 'WORKSPACE'::"NotificationSubject"
    ELSE 'POST'::"NotificationSubject" END
  WHERE "subject" IS NULL;

ALTER TABLE "Notification" DROP COLUMN "message", DROP COLUMN "subjectType";
ALTER TABLE "Notification" RENAME COLUMN "subject" TO "subjectType";
ALTER TABLE "Notification" ALTER COLUMN "subjectType" SET NOT NULL;
CREATE INDEX "Notification_targetId_idx" ON "Notification"("targetId");

CREATE TABLE "NotificationRecipient" (
    "id" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotificationRecipient_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "NotificationRecipient_notificationId_userId_key" ON "NotificationRecipient"("notificationId", "userId");
CREATE INDEX "NotificationRecipient_workspaceId_userId_notificationId_idx" ON "NotificationRecipient"("workspaceId", "userId", "notificationId");
-- The bell's count reads only unread rows.
CREATE INDEX "NotificationRecipient_unread_idx" ON "NotificationRecipient"("workspaceId", "userId") WHERE "readAt" IS NULL;
ALTER TABLE "NotificationRecipient" ADD CONSTRAINT "NotificationRecipient_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NotificationRecipient" ADD CONSTRAINT "NotificationRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
