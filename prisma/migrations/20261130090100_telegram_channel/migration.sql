-- Telegram as a notification channel (issue 13): a workspace's notification bot (token sealed like
-- account credentials), each user's linked chat, one-time deep link tokens, prompts waiting for a
-- "request changes" comment, and the kinds each user wants in Telegram.
ALTER TABLE "NotificationPreference" ADD COLUMN "telegramKinds" "NotificationKind"[] NOT NULL
  DEFAULT ARRAY['POST_SUBMITTED', 'POST_CHANGES_REQUESTED', 'TARGET_FAILED', 'TARGET_UNCONFIRMED', 'TARGET_EXPIRED', 'POST_NOT_APPROVED_IN_TIME', 'ACCOUNT_NEEDS_RECONNECT', 'WORKSPACE_HELD', 'CAMPAIGN_HELD']::"NotificationKind"[];

CREATE TABLE "TelegramBot" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "telegramBotId" BIGINT NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "tokenCiphertext" BYTEA NOT NULL,
    "tokenKeyId" VARCHAR(64) NOT NULL,
    "webhookSecretHash" VARCHAR(64),
    "lastUpdateId" BIGINT,
    "connectedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelegramBot_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TelegramBot_workspaceId_key" ON "TelegramBot"("workspaceId");
CREATE UNIQUE INDEX "TelegramBot_telegramBotId_key" ON "TelegramBot"("telegramBotId");
ALTER TABLE "TelegramBot" ADD CONSTRAINT "TelegramBot_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TelegramLink" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "botId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "chatId" BIGINT NOT NULL,
    "telegramUsername" VARCHAR(64),
    "linkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelegramLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TelegramLink_botId_userId_key" ON "TelegramLink"("botId", "userId");
CREATE UNIQUE INDEX "TelegramLink_botId_chatId_key" ON "TelegramLink"("botId", "chatId");
CREATE INDEX "TelegramLink_workspaceId_userId_idx" ON "TelegramLink"("workspaceId", "userId");
ALTER TABLE "TelegramLink" ADD CONSTRAINT "TelegramLink_botId_fkey" FOREIGN KEY ("botId") REFERENCES "TelegramBot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TelegramLink" ADD CONSTRAINT "TelegramLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TelegramLinkToken" (
    "tokenHash" VARCHAR(64) NOT NULL,
    "botId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelegramLinkToken_pkey" PRIMARY KEY ("tokenHash")
);
CREATE INDEX "TelegramLinkToken_userId_idx" ON "TelegramLinkToken"("userId");
ALTER TABLE "TelegramLinkToken" ADD CONSTRAINT "TelegramLinkToken_botId_fkey" FOREIGN KEY ("botId") REFERENCES "TelegramBot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TelegramPrompt" (
    "id" UUID NOT NULL,
    "botId" UUID NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelegramPrompt_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TelegramPrompt_botId_chatId_messageId_key" ON "TelegramPrompt"("botId", "chatId", "messageId");
ALTER TABLE "TelegramPrompt" ADD CONSTRAINT "TelegramPrompt_botId_fkey" FOREIGN KEY ("botId") REFERENCES "TelegramBot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
