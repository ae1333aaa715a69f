-- A workspace is invited to a joint campaign by slug only when it opted in, or by past partners and
-- its own members (docs/security.md, rule 12). Closed by default.
ALTER TABLE "Workspace" ADD COLUMN "openToPartnerInvitations" BOOLEAN NOT NULL DEFAULT false;
