-- Post versions kept by the API (issue 18, "what changed since the version I last saw"): one row per
-- version of a post, written in the same transaction as the change. Earlier versions of existing
-- posts were never recorded; each existing post gets its current version, editor unknown.
-- CreateTable
CREATE TABLE "PostVersion" (
    "id" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "editorId" UUID,
    "title" VARCHAR(300),
    "baseText" TEXT NOT NULL,
    "scheduledAt" TIMESTAMPTZ(3),
    "scheduleZone" VARCHAR(64),
    "publishNow" BOOLEAN NOT NULL,
    "notAfter" TIMESTAMPTZ(3),
    "mediaIds" UUID[],
    "targets" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PostVersion_workspaceId_idx" ON "PostVersion"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "PostVersion_postId_version_key" ON "PostVersion"("postId", "version");

-- AddForeignKey
ALTER TABLE "PostVersion" ADD CONSTRAINT "PostVersion_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostVersion" ADD CONSTRAINT "PostVersion_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


INSERT INTO "PostVersion" ("id", "postId", "workspaceId", "version", "editorId", "title", "baseText", "scheduledAt", "scheduleZone", "publishNow", "notAfter", "mediaIds", "targets", "createdAt")
SELECT gen_random_uuid(), p."id", p."workspaceId", p."version", NULL, p."title", p."baseText", p."scheduledAt", p."scheduleZone", p."publishNow", p."notAfter",
  COALESCE((SELECT array_agg(m."mediaId" ORDER BY m."position") FROM "PostMedia" m WHERE m."postId" = p."id"), ARRAY[]::UUID[]),
  COALESCE((SELECT jsonb_agg(jsonb_build_object('accountId', t."accountId", 'accountName', a."displayName", 'platform', a."platform", 'text', t."text") ORDER BY t."position", t."createdAt")
            FROM "PostTarget" t JOIN "ConnectedAccount" a ON a."id" = t."accountId" WHERE t."postId" = p."id"), '[]'::jsonb),
  p."updatedAt"
FROM "Post" p;
