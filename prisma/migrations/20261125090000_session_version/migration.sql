-- Session tokens carry the version current when they were minted; tokens issued before this column existed
-- carry none and count as version 0, so they stay valid until the user's first sign-out.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
