-- Screening counts kept, not recounted: every statement that changes what a record counts for in its review's
-- screening progress (the record itself, its removal, its report, its decisions, its outcome) ends with a
-- trigger that recounts just the records it touched, compares them with what they last counted for
-- (screening_record_counts) and appends the difference to screening_count_deltas, in the same transaction.
-- Appending means concurrent decisions never queue on a shared counter row; readers sum counts and deltas
-- and fold the deltas into screening_counts now and then (server/screening/stage-counts.ts).

CREATE TABLE "screening_record_counts" (
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "review_id" TEXT NOT NULL,
    "status" "outcome_status",
    "decisions" INTEGER NOT NULL,
    "deciders" TEXT[],
    CONSTRAINT "screening_record_counts_pkey" PRIMARY KEY ("record_id","stage")
);
CREATE INDEX "screening_record_counts_review_id_stage_idx" ON "screening_record_counts"("review_id", "stage");
ALTER TABLE "screening_record_counts" ADD CONSTRAINT "screening_record_counts_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "screening_count_deltas" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "screening_count_deltas_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "screening_count_deltas_review_id_stage_idx" ON "screening_count_deltas"("review_id", "stage");
ALTER TABLE "screening_count_deltas" ADD CONSTRAINT "screening_count_deltas_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "screening_counts" (
    "review_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "screening_counts_pkey" PRIMARY KEY ("review_id","stage","key")
);
ALTER TABLE "screening_counts" ADD CONSTRAINT "screening_counts_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Recounts the given records at both stages. Eligibility is server/screening-queue/eligibility.ts's rule.
CREATE FUNCTION screening_counts_refresh(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  WITH fresh AS (
    SELECT r.id AS record_id, st.stage, r.review_id, o.status, coalesce(d.n, 0)::int AS decisions,
           coalesce(d.deciders, '{}') AS deciders
      FROM records r
     CROSS JOIN (VALUES ('title_abstract'::stage), ('full_text'::stage)) st(stage)
      LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = st.stage
      LEFT JOIN LATERAL (SELECT count(*) AS n, array_agg(x.reviewer_id ORDER BY x.reviewer_id) AS deciders
                           FROM screening_decisions x WHERE x.record_id = r.id AND x.stage = st.stage) d ON true
     WHERE r.id = ANY(ids)
       AND r.duplicate_of_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM record_removals rm WHERE rm.record_id = r.id)
       AND (st.stage = 'title_abstract' OR (
             EXISTS (SELECT 1 FROM reports rep WHERE rep.record_id = r.id AND rep.retrieval_status = 'retrieved')
             AND EXISTS (SELECT 1 FROM screening_outcomes ta WHERE ta.record_id = r.id
                            AND ta.stage = 'title_abstract' AND ta.status = 'included')))
  ), old AS (
    SELECT c.record_id, c.stage, c.review_id, c.status, c.decisions, c.deciders
      FROM screening_record_counts c WHERE c.record_id = ANY(ids)
  ), kept AS (
    INSERT INTO screening_record_counts (record_id, stage, review_id, status, decisions, deciders)
    SELECT f.record_id, f.stage, f.review_id, f.status, f.decisions, f.deciders FROM fresh f
    ON CONFLICT (record_id, stage) DO UPDATE
      SET status = EXCLUDED.status, decisions = EXCLUDED.decisions, deciders = EXCLUDED.deciders
      WHERE (screening_record_counts.status, screening_record_counts.decisions, screening_record_counts.deciders)
            IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.decisions, EXCLUDED.deciders)
  ), dropped AS (
    DELETE FROM screening_record_counts c
     WHERE c.record_id = ANY(ids)
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.record_id = c.record_id AND f.stage = c.stage)
  ), signed AS (
    SELECT f.*, 1 AS sign FROM fresh f UNION ALL SELECT o.*, -1 FROM old o
  ), contributions AS (
    SELECT s.review_id, s.stage, k.key, s.sign
      FROM signed s
     CROSS JOIN LATERAL (
       SELECT 'total'
       UNION ALL SELECT s.status::text WHERE s.status IN ('included', 'excluded', 'conflict')
       UNION ALL SELECT 'open:' || s.decisions WHERE s.status IS NULL OR s.status = 'awaiting'
       UNION ALL SELECT 'by:' || who FROM unnest(s.deciders) who
       UNION ALL SELECT 'open-by:' || who || ':' || s.decisions FROM unnest(s.deciders) who
                  WHERE s.status IS NULL OR s.status = 'awaiting'
     ) k(key)
  )
  INSERT INTO screening_count_deltas (id, review_id, stage, key, n)
  SELECT gen_random_uuid()::text, c.review_id, c.stage, c.key, sum(c.sign)
    FROM contributions c
   -- A review being deleted takes its counts with it; its records' deletion has nothing left to count.
   WHERE EXISTS (SELECT 1 FROM reviews rv WHERE rv.id = c.review_id)
   GROUP BY c.review_id, c.stage, c.key
  HAVING sum(c.sign) <> 0;
END $$;

-- One trigger function per way a statement names the records it touched (PostgreSQL allows a transition table
-- on a trigger of one event only, hence a trigger per event).
CREATE FUNCTION screening_counts_new_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM screening_counts_refresh(ARRAY(SELECT id FROM changed)); RETURN NULL; END $$;
CREATE FUNCTION screening_counts_merged_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM screening_counts_refresh(ARRAY(
    SELECT n.id FROM changed n JOIN before b ON b.id = n.id WHERE n.duplicate_of_id IS DISTINCT FROM b.duplicate_of_id));
  RETURN NULL;
END $$;
CREATE FUNCTION screening_counts_changed_record_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM screening_counts_refresh(ARRAY(SELECT DISTINCT record_id FROM changed)); RETURN NULL; END $$;
CREATE FUNCTION screening_counts_moved_record_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM screening_counts_refresh(ARRAY(SELECT record_id FROM changed UNION SELECT record_id FROM before));
  RETURN NULL;
END $$;

CREATE TRIGGER screening_counts_insert AFTER INSERT ON records
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_new_records();
CREATE TRIGGER screening_counts_update AFTER UPDATE ON records
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_merged_records();
CREATE TRIGGER screening_counts_delete AFTER DELETE ON records
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_new_records();

CREATE TRIGGER screening_counts_insert AFTER INSERT ON record_removals
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();
CREATE TRIGGER screening_counts_delete AFTER DELETE ON record_removals
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();

CREATE TRIGGER screening_counts_insert AFTER INSERT ON reports
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();
CREATE TRIGGER screening_counts_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_moved_record_ids();
CREATE TRIGGER screening_counts_delete AFTER DELETE ON reports
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();

CREATE TRIGGER screening_counts_insert AFTER INSERT ON screening_decisions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();
CREATE TRIGGER screening_counts_update AFTER UPDATE ON screening_decisions
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_moved_record_ids();
CREATE TRIGGER screening_counts_delete AFTER DELETE ON screening_decisions
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();

CREATE TRIGGER screening_counts_insert AFTER INSERT ON screening_outcomes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();
CREATE TRIGGER screening_counts_update AFTER UPDATE ON screening_outcomes
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_moved_record_ids();
CREATE TRIGGER screening_counts_delete AFTER DELETE ON screening_outcomes
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION screening_counts_changed_record_ids();

-- The records already there, counted once.
SELECT screening_counts_refresh(ARRAY(SELECT id FROM records));
