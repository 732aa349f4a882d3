-- The record browser's search data moves out of `records` into a table of its own, filled after an import by a
-- job (server/records/search-index.ts) rather than while the import's COPY runs: generating the vectors and
-- maintaining two GIN indexes made each imported row cost four times the CPU of the row itself (a 100,000-record
-- import went from 14 s to 51 s). Rows of `records` are also smaller without the vectors.

-- One definition of each vector, used by the indexing job and by the trigger that follows edits.
CREATE FUNCTION "sift_search_vector"(title text, keywords text[], authors text[], abstract text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('sift_search'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('sift_search'::regconfig, "sift_joined_words"(keywords)), 'B')
        || setweight(to_tsvector('sift_search'::regconfig, "sift_joined_words"(authors)), 'B')
        || setweight(to_tsvector('sift_search'::regconfig, coalesce(abstract, '')), 'C')
  $$;

CREATE FUNCTION "sift_title_vector"(title text, keywords text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('sift_search'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('sift_search'::regconfig, "sift_joined_words"(keywords)), 'B')
  $$;

CREATE TABLE "record_search" (
    "record_id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "search_vector" tsvector NOT NULL,
    "title_vector" tsvector NOT NULL,

    CONSTRAINT "record_search_pkey" PRIMARY KEY ("record_id")
);
ALTER TABLE "record_search" ALTER COLUMN "title_vector" SET STORAGE MAIN;

ALTER TABLE "record_search" ADD CONSTRAINT "record_search_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "record_search" ("record_id", "review_id", "title", "search_vector", "title_vector")
SELECT "id", "review_id", "title", "sift_search_vector"("title", "keywords", "authors", "abstract"),
       "sift_title_vector"("title", "keywords")
  FROM "records";

ALTER TABLE "imports" ADD COLUMN "search_indexed_at" TIMESTAMP(3);
UPDATE "imports" SET "search_indexed_at" = now();

CREATE INDEX "record_search_search_vector_idx" ON "record_search" USING GIN ("search_vector");
CREATE INDEX "record_search_title_trgm_idx" ON "record_search" USING GIN ("title" gin_trgm_ops);

DROP INDEX "records_title_trgm_idx";
ALTER TABLE "records" DROP COLUMN "search_vector";
ALTER TABLE "records" DROP COLUMN "title_vector";

-- An edit of an indexed record (a duplicate group filling its kept record's empty fields, say) is followed at
-- once; a record not indexed yet is left to the indexing job.
CREATE FUNCTION "sift_follow_record_search"() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE "record_search"
       SET "title" = NEW."title",
           "search_vector" = "sift_search_vector"(NEW."title", NEW."keywords", NEW."authors", NEW."abstract"),
           "title_vector" = "sift_title_vector"(NEW."title", NEW."keywords")
     WHERE "record_id" = NEW."id";
    RETURN NULL;
  END
  $$;

CREATE TRIGGER "records_follow_search" AFTER UPDATE OF "title", "abstract", "keywords", "authors" ON "records"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."abstract" IS DISTINCT FROM NEW."abstract"
        OR OLD."keywords" IS DISTINCT FROM NEW."keywords" OR OLD."authors" IS DISTINCT FROM NEW."authors")
  EXECUTE FUNCTION "sift_follow_record_search"();
