-- Per-user notification choices (issue 13, e-mail channel): which kinds come by e-mail, and quiet
-- hours in the user's zone. No row means the defaults; existing users keep them.
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "emailKinds" "NotificationKind"[],
    "quietFrom" VARCHAR(5),
    "quietUntil" VARCHAR(5),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId"),
    -- Both ends of the quiet hours or neither, each a valid wall-clock time.
    CONSTRAINT "NotificationPreference_quiet_check" CHECK (
      ("quietFrom" IS NULL) = ("quietUntil" IS NULL)
      AND ("quietFrom" IS NULL OR "quietFrom" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
      AND ("quietUntil" IS NULL OR "quietUntil" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
    )
);

ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
