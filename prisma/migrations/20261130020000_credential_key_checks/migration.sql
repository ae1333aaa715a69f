-- One check value per credential key id (see CredentialKeyCheck in schema.prisma).
CREATE TABLE "CredentialKeyCheck" (
    "keyId" VARCHAR(64) NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CredentialKeyCheck_pkey" PRIMARY KEY ("keyId")
);
