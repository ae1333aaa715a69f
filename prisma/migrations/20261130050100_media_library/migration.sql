-- Media library (#17): metadata stripping recorded, thumbnails and previews, tags, per-platform renditions.
ALTER TABLE "MediaAsset" ADD COLUMN "durationMs" INTEGER,
    ADD COLUMN "metadataStripped" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "thumbnailKey" VARCHAR(500),
    ADD COLUMN "previewKey" VARCHAR(500),
    ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "MediaRendition" (
    "id" UUID NOT NULL,
    "mediaId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "storageKey" VARCHAR(500) NOT NULL,
    "mimeType" VARCHAR(100) NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediaRendition_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MediaRendition_mediaId_platform_key" ON "MediaRendition"("mediaId", "platform");
ALTER TABLE "MediaRendition" ADD CONSTRAINT "MediaRendition_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "MediaAsset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
