-- The record browser (issue #16) finds records in PostgreSQL, never by scanning them in Node: words of the title,
-- keywords, authors and abstract through a stored tsvector with a GIN index, titles typed in part or misspelt
-- through trigrams, and trial register ids through a GIN index on the array. DOIs and PMIDs already have theirs.
-- Both extensions are "trusted" (PostgreSQL 13+): the database's owner may create them without a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The configuration is 'simple' with accents folded, not 'english': records come in every language (a Spanish
-- or German title stemmed as English loses words), author names must match as written, and the English stemmer
-- turns the field's own abbreviation ALS into "al", which every "et al." matches. The browser's query makes longer
-- words prefixes instead, so "cell" still finds "cells".
CREATE TEXT SEARCH CONFIGURATION "sift_search" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "sift_search" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- array_to_string is only STABLE (it is generic over element types); on text[] it is immutable, which a
-- generated column needs.
CREATE FUNCTION "sift_joined_words"(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

-- AddColumn: generated and STORED (PostgreSQL 18 makes generated columns virtual unless told), so ranking reads
-- the vector rather than parsing every matching abstract again. schema.prisma names the column as Unsupported.
ALTER TABLE "records" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('sift_search'::regconfig, "title"), 'A')
 || setweight(to_tsvector('sift_search'::regconfig, "sift_joined_words"("keywords")), 'B')
 || setweight(to_tsvector('sift_search'::regconfig, "sift_joined_words"("authors")), 'B')
 || setweight(to_tsvector('sift_search'::regconfig, "abstract"), 'C')
) STORED;

-- CreateIndex (not in schema.prisma, which cannot name an index on a generated column; the drift test's catalog
-- leaves both out, as it does everything Prisma's datamodel cannot describe)
CREATE INDEX "records_search_vector_idx" ON "records" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "records_title_trgm_idx" ON "records" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "records_nct_ids_idx" ON "records" USING GIN ("nct_ids");

-- CreateIndex
CREATE INDEX "audit_events_review_id_entity_type_idx" ON "audit_events"("review_id", "entity_type");
