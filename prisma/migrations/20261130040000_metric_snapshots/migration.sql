-- Reach and engagement: a time series of each published delivery's public counts (docs/analytics.md).
CREATE TYPE "MetricState" AS ENUM ('OK', 'NOT_AVAILABLE', 'DELETED', 'FAILED');
CREATE TYPE "MetricStage" AS ENUM ('H1', 'H24', 'D7', 'ON_DEMAND');

CREATE TABLE "MetricSnapshot" (
    "id" BIGSERIAL NOT NULL,
    "targetId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "stage" "MetricStage" NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "state" "MetricState" NOT NULL,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "engagement" INTEGER,
    "reach" INTEGER,
    "errorCode" VARCHAR(100),
    CONSTRAINT "MetricSnapshot_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "MetricSnapshot_targetId_takenAt_idx" ON "MetricSnapshot"("targetId", "takenAt");
CREATE INDEX "MetricSnapshot_workspaceId_takenAt_idx" ON "MetricSnapshot"("workspaceId", "takenAt");
ALTER TABLE "MetricSnapshot" ADD CONSTRAINT "MetricSnapshot_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "PostTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
