-- CreateEnum
CREATE TYPE "role" AS ENUM ('owner', 'lead', 'reviewer', 'observer');

-- CreateEnum
CREATE TYPE "stage" AS ENUM ('title_abstract', 'full_text');

-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('database', 'register', 'website', 'organisation', 'citation_searching');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "duplicate_pair_status" AS ENUM ('pending', 'merged', 'not_duplicates');

-- CreateEnum
CREATE TYPE "retrieval_status" AS ENUM ('sought', 'retrieved', 'not_retrieved');

-- CreateEnum
CREATE TYPE "verdict" AS ENUM ('include', 'exclude', 'maybe');

-- CreateEnum
CREATE TYPE "outcome_status" AS ENUM ('awaiting', 'conflict', 'included', 'excluded');

-- CreateEnum
CREATE TYPE "conflict_status" AS ENUM ('open', 'resolved', 'withdrawn');

-- CreateEnum
CREATE TYPE "appraisal_tool" AS ENUM ('rob2', 'robins_i', 'syrcle', 'validity_of_conclusions');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oidc_accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMP(3) NOT NULL,
    "blocked_until" TIMESTAMP(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "inclusion_criteria" TEXT NOT NULL DEFAULT '',
    "exclusion_criteria" TEXT NOT NULL DEFAULT '',
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_stage_settings" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "reviewers_per_record" INTEGER NOT NULL DEFAULT 2,
    "blinded" BOOLEAN NOT NULL DEFAULT true,
    "reason_required" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "review_stage_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exclusion_reasons" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "exclusion_reasons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "accepted_by_id" TEXT,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "source_kind" NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imports" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_key" TEXT,
    "byte_size" BIGINT NOT NULL DEFAULT 0,
    "format" TEXT,
    "status" "import_status" NOT NULL DEFAULT 'queued',
    "record_count" INTEGER NOT NULL DEFAULT 0,
    "skipped_count" INTEGER NOT NULL DEFAULT 0,
    "diagnostics" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "records" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "import_id" TEXT,
    "source_id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "abstract" TEXT NOT NULL DEFAULT '',
    "authors" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "year" INTEGER,
    "journal" TEXT,
    "volume" TEXT,
    "issue" TEXT,
    "pages" TEXT,
    "doi" TEXT,
    "pmid" TEXT,
    "pmcid" TEXT,
    "nct_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "keywords" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "type" TEXT,
    "language" TEXT,
    "url" TEXT,
    "raw" JSONB NOT NULL DEFAULT '{}',
    "duplicate_of_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duplicate_pairs" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_a_id" TEXT NOT NULL,
    "record_b_id" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "status" "duplicate_pair_status" NOT NULL DEFAULT 'pending',
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "duplicate_pairs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "studies" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "design" TEXT,
    "appraisal_tool" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "studies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "study_id" TEXT,
    "retrieval_status" "retrieval_status" NOT NULL DEFAULT 'sought',
    "file_key" TEXT,
    "file_name" TEXT,
    "url" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_decisions" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "verdict" "verdict" NOT NULL,
    "reason_id" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "screening_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_assignments" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "allocated_by_id" TEXT,
    "served_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3),

    CONSTRAINT "screening_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_outcomes" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "status" "outcome_status" NOT NULL DEFAULT 'awaiting',
    "reason_id" TEXT,
    "settled_at" TIMESTAMP(3),

    CONSTRAINT "screening_outcomes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflicts" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "stage" "stage" NOT NULL,
    "status" "conflict_status" NOT NULL DEFAULT 'open',
    "verdict" "verdict",
    "reason_id" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "resolved_by_id" TEXT,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conflicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extraction_forms" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "template" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "extraction_forms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extraction_form_versions" (
    "id" TEXT NOT NULL,
    "form_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "extraction_form_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extractions" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "form_version_id" TEXT NOT NULL,
    "extractor_id" TEXT NOT NULL,
    "is_consensus" BOOLEAN NOT NULL DEFAULT false,
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "extractions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extraction_values" (
    "id" TEXT NOT NULL,
    "extraction_id" TEXT NOT NULL,
    "field_id" TEXT NOT NULL,
    "instance_key" TEXT NOT NULL DEFAULT '',
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "extraction_values_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appraisals" (
    "id" TEXT NOT NULL,
    "review_id" TEXT NOT NULL,
    "study_id" TEXT NOT NULL,
    "tool" "appraisal_tool" NOT NULL,
    "appraiser_id" TEXT NOT NULL,
    "is_consensus" BOOLEAN NOT NULL DEFAULT false,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "overall" TEXT,
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appraisals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "review_id" TEXT,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "oidc_accounts_user_id_idx" ON "oidc_accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "oidc_accounts_provider_provider_account_id_key" ON "oidc_accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE INDEX "reviews_created_by_id_idx" ON "reviews"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_slug_key" ON "reviews"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "review_stage_settings_review_id_stage_key" ON "review_stage_settings"("review_id", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "exclusion_reasons_review_id_stage_label_key" ON "exclusion_reasons"("review_id", "stage", "label");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_review_id_user_id_key" ON "memberships"("review_id", "user_id");

-- CreateIndex
CREATE INDEX "invitations_review_id_idx" ON "invitations"("review_id");

-- CreateIndex
CREATE INDEX "invitations_invited_by_id_idx" ON "invitations"("invited_by_id");

-- CreateIndex
CREATE INDEX "invitations_accepted_by_id_idx" ON "invitations"("accepted_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "sources_review_id_name_key" ON "sources"("review_id", "name");

-- CreateIndex
CREATE INDEX "imports_review_id_idx" ON "imports"("review_id");

-- CreateIndex
CREATE INDEX "imports_source_id_idx" ON "imports"("source_id");

-- CreateIndex
CREATE INDEX "imports_created_by_id_idx" ON "imports"("created_by_id");

-- CreateIndex
CREATE INDEX "records_review_id_idx" ON "records"("review_id");

-- CreateIndex
CREATE INDEX "records_import_id_idx" ON "records"("import_id");

-- CreateIndex
CREATE INDEX "records_source_id_idx" ON "records"("source_id");

-- CreateIndex
CREATE INDEX "records_duplicate_of_id_idx" ON "records"("duplicate_of_id");

-- CreateIndex
CREATE INDEX "records_review_id_doi_idx" ON "records"("review_id", "doi");

-- CreateIndex
CREATE INDEX "records_review_id_pmid_idx" ON "records"("review_id", "pmid");

-- CreateIndex
CREATE INDEX "duplicate_pairs_review_id_status_idx" ON "duplicate_pairs"("review_id", "status");

-- CreateIndex
CREATE INDEX "duplicate_pairs_record_b_id_idx" ON "duplicate_pairs"("record_b_id");

-- CreateIndex
CREATE INDEX "duplicate_pairs_decided_by_id_idx" ON "duplicate_pairs"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "duplicate_pairs_record_a_id_record_b_id_key" ON "duplicate_pairs"("record_a_id", "record_b_id");

-- CreateIndex
CREATE INDEX "studies_review_id_idx" ON "studies"("review_id");

-- CreateIndex
CREATE INDEX "reports_review_id_idx" ON "reports"("review_id");

-- CreateIndex
CREATE INDEX "reports_study_id_idx" ON "reports"("study_id");

-- CreateIndex
CREATE UNIQUE INDEX "reports_record_id_key" ON "reports"("record_id");

-- CreateIndex
CREATE INDEX "screening_decisions_review_id_stage_idx" ON "screening_decisions"("review_id", "stage");

-- CreateIndex
CREATE INDEX "screening_decisions_reviewer_id_idx" ON "screening_decisions"("reviewer_id");

-- CreateIndex
CREATE INDEX "screening_decisions_reason_id_idx" ON "screening_decisions"("reason_id");

-- CreateIndex
CREATE UNIQUE INDEX "screening_decisions_record_id_stage_reviewer_id_key" ON "screening_decisions"("record_id", "stage", "reviewer_id");

-- CreateIndex
CREATE INDEX "screening_assignments_review_id_stage_idx" ON "screening_assignments"("review_id", "stage");

-- CreateIndex
CREATE INDEX "screening_assignments_reviewer_id_idx" ON "screening_assignments"("reviewer_id");

-- CreateIndex
CREATE INDEX "screening_assignments_allocated_by_id_idx" ON "screening_assignments"("allocated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "screening_assignments_record_id_stage_reviewer_id_key" ON "screening_assignments"("record_id", "stage", "reviewer_id");

-- CreateIndex
CREATE INDEX "screening_outcomes_review_id_stage_status_idx" ON "screening_outcomes"("review_id", "stage", "status");

-- CreateIndex
CREATE INDEX "screening_outcomes_reason_id_idx" ON "screening_outcomes"("reason_id");

-- CreateIndex
CREATE UNIQUE INDEX "screening_outcomes_record_id_stage_key" ON "screening_outcomes"("record_id", "stage");

-- CreateIndex
CREATE INDEX "conflicts_review_id_status_idx" ON "conflicts"("review_id", "status");

-- CreateIndex
CREATE INDEX "conflicts_reason_id_idx" ON "conflicts"("reason_id");

-- CreateIndex
CREATE INDEX "conflicts_resolved_by_id_idx" ON "conflicts"("resolved_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "conflicts_record_id_stage_key" ON "conflicts"("record_id", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "extraction_forms_review_id_name_key" ON "extraction_forms"("review_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "extraction_form_versions_form_id_version_key" ON "extraction_form_versions"("form_id", "version");

-- CreateIndex
CREATE INDEX "extractions_review_id_idx" ON "extractions"("review_id");

-- CreateIndex
CREATE INDEX "extractions_form_version_id_idx" ON "extractions"("form_version_id");

-- CreateIndex
CREATE INDEX "extractions_extractor_id_idx" ON "extractions"("extractor_id");

-- CreateIndex
CREATE UNIQUE INDEX "extractions_study_version_extractor_key" ON "extractions"("study_id", "form_version_id", "extractor_id", "is_consensus");

-- CreateIndex
CREATE UNIQUE INDEX "extraction_values_extraction_id_field_id_instance_key_key" ON "extraction_values"("extraction_id", "field_id", "instance_key");

-- CreateIndex
CREATE INDEX "appraisals_review_id_idx" ON "appraisals"("review_id");

-- CreateIndex
CREATE INDEX "appraisals_appraiser_id_idx" ON "appraisals"("appraiser_id");

-- CreateIndex
CREATE UNIQUE INDEX "appraisals_study_id_tool_appraiser_id_is_consensus_key" ON "appraisals"("study_id", "tool", "appraiser_id", "is_consensus");

-- CreateIndex
CREATE INDEX "audit_events_review_id_created_at_idx" ON "audit_events"("review_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events"("actor_id");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "oidc_accounts" ADD CONSTRAINT "oidc_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_stage_settings" ADD CONSTRAINT "review_stage_settings_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exclusion_reasons" ADD CONSTRAINT "exclusion_reasons_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "records" ADD CONSTRAINT "records_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "records" ADD CONSTRAINT "records_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "records" ADD CONSTRAINT "records_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "records" ADD CONSTRAINT "records_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_record_a_id_fkey" FOREIGN KEY ("record_a_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_record_b_id_fkey" FOREIGN KEY ("record_b_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "studies" ADD CONSTRAINT "studies_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_decisions" ADD CONSTRAINT "screening_decisions_reason_id_fkey" FOREIGN KEY ("reason_id") REFERENCES "exclusion_reasons"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_assignments" ADD CONSTRAINT "screening_assignments_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_assignments" ADD CONSTRAINT "screening_assignments_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_assignments" ADD CONSTRAINT "screening_assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_assignments" ADD CONSTRAINT "screening_assignments_allocated_by_id_fkey" FOREIGN KEY ("allocated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_outcomes" ADD CONSTRAINT "screening_outcomes_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_outcomes" ADD CONSTRAINT "screening_outcomes_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "screening_outcomes" ADD CONSTRAINT "screening_outcomes_reason_id_fkey" FOREIGN KEY ("reason_id") REFERENCES "exclusion_reasons"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_reason_id_fkey" FOREIGN KEY ("reason_id") REFERENCES "exclusion_reasons"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extraction_forms" ADD CONSTRAINT "extraction_forms_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extraction_form_versions" ADD CONSTRAINT "extraction_form_versions_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "extraction_forms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "extraction_form_versions"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_extractor_id_fkey" FOREIGN KEY ("extractor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extraction_values" ADD CONSTRAINT "extraction_values_extraction_id_fkey" FOREIGN KEY ("extraction_id") REFERENCES "extractions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_appraiser_id_fkey" FOREIGN KEY ("appraiser_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
