-- "Publish now": a post without a time that publishes as soon as it is approved (the approval sets
-- scheduledAt). Targets keep the order the user gave them, so per-target issues come back in it.
ALTER TABLE "Post" ADD COLUMN "publishNow" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "PostTarget" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;
