-- Alt text as a workspace policy: REQUIRED blocks submitting a post whose images lack alt text,
-- RECOMMENDED (the default, so existing workspaces keep today's behaviour) only warns.
CREATE TYPE "AltTextPolicy" AS ENUM ('REQUIRED', 'RECOMMENDED');

ALTER TABLE "Workspace" ADD COLUMN "altTextPolicy" "AltTextPolicy" NOT NULL DEFAULT 'RECOMMENDED';
