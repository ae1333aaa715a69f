-- Review requests and statements sent to Telegram with buttons, so that the others lose their
-- buttons and say who acted once someone approved or released the post (issue 13).
CREATE TABLE "TelegramCardMessage" (
    "id" UUID NOT NULL,
    "botId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "statement" BOOLEAN NOT NULL,
    "text" TEXT NOT NULL,
    "settledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TelegramCardMessage_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TelegramCardMessage_botId_chatId_messageId_key" ON "TelegramCardMessage"("botId", "chatId", "messageId");
CREATE INDEX "TelegramCardMessage_workspaceId_postId_idx" ON "TelegramCardMessage"("workspaceId", "postId");
ALTER TABLE "TelegramCardMessage" ADD CONSTRAINT "TelegramCardMessage_botId_fkey" FOREIGN KEY ("botId") REFERENCES "TelegramBot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
