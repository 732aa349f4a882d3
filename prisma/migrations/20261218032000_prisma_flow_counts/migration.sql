-- The PRISMA diagram's counts computed once per change: a transaction that changed anything the diagram counts
-- (records, their sources and imports, removals, outcomes, reports, exclusion reasons) bumps its review's version
-- as it commits, and the counts are used while they were computed at the current version.
-- The bump is a deferred trigger, so the version row is locked only at commit: a transaction never waits for it
-- while holding record locks another may be waiting for.

CREATE TABLE "prisma_flow_counts" (
    "review_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "counted_version" INTEGER,
    "counts" JSONB,
    CONSTRAINT "prisma_flow_counts_pkey" PRIMARY KEY ("review_id")
);
ALTER TABLE "prisma_flow_counts" ADD CONSTRAINT "prisma_flow_counts_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION prisma_flow_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  review TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.review_id ELSE NEW.review_id END;
  -- Once per review and transaction, however many rows changed (an import adds thousands).
  flag TEXT := 'sift_flow_changed.r' || md5(review);
BEGIN
  IF current_setting(flag, true) = 'yes' THEN RETURN NULL; END IF;
  PERFORM set_config(flag, 'yes', true);
  INSERT INTO prisma_flow_counts (review_id, version)
  SELECT review, 1 WHERE EXISTS (SELECT 1 FROM reviews WHERE id = review) -- a review being deleted counts nothing
  ON CONFLICT (review_id) DO UPDATE SET version = prisma_flow_counts.version + 1;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER prisma_flow_changed AFTER INSERT OR UPDATE OR DELETE ON records
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION prisma_flow_changed();
CREATE CONSTRAINT TRIGGER prisma_flow_changed AFTER INSERT OR UPDATE OR DELETE ON sources
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION prisma_flow_changed();
CREATE CONSTRAINT TRIGGER prisma_flow_changed AFTER INSERT OR UPDATE OR DELETE ON imports
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION prisma_flow_changed();
CREATE CONSTRAINT TRIGGER prisma_flow_changed AFTER INSERT OR UPDATE OR DELETE ON record_removals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION prisma_flow_changed();
CREATE CONSTRAINT TRIGGER prisma_flow_changed AFTER INSERT OR UPDATE OR DELETE ON screening_outcomes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION prisma_flow_changed();
CREATE CONSTRAINT TRIGGER prisma_flow_changed AFTER INSERT OR UPDATE OR DELETE ON reports
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION prisma_flow_changed();
CREATE CONSTRAINT TRIGGER prisma_flow_changed AFTER INSERT OR UPDATE OR DELETE ON exclusion_reasons
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION prisma_flow_changed();
