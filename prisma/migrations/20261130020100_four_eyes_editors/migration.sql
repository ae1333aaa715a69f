-- Four eyes (docs/security.md, rule 7): who wrote or edited a post since its last approval may not
-- approve it. Posts never approved start with their author; earlier editors were not recorded.
ALTER TABLE "Post" ADD COLUMN "unreviewedEditorIds" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[];

UPDATE "Post" SET "unreviewedEditorIds" = ARRAY["authorId"] WHERE "approvedVersion" IS NULL AND "status" <> 'CANCELLED';
