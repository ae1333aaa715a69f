-- Never silently late: a delivery published more than LATE_AFTER_SECONDS after its time records how
-- late it was, and a notification says so.
ALTER TYPE "NotificationKind" ADD VALUE 'TARGET_PUBLISHED_LATE';
ALTER TABLE "PostTarget" ADD COLUMN "lateSeconds" INTEGER;
