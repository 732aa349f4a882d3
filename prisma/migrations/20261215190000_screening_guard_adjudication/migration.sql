-- How long a new record stays on screen before a decision key counts (a double press decided two records, the
-- second unread), and the optional rule that a lead may not resolve a conflict involving their own decision.
ALTER TABLE "review_stage_settings"
  ADD COLUMN "decision_delay_ms" INTEGER NOT NULL DEFAULT 300,
  ADD COLUMN "independent_adjudication" BOOLEAN NOT NULL DEFAULT false;
