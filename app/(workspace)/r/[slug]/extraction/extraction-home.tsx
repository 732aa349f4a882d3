"use client";
import Link from "next/link";
import { ErrorAlert, InfoAlert } from "@/app/_components/alerts";
import { formatDate } from "@/app/_lib/format";
import { useMayChange } from "@/app/(workspace)/r/[slug]/review-changes-context";
import { Downloads } from "./downloads";
import { ExtractionStudies } from "./extraction-studies";
import { FormSettings } from "./form-settings";
import { NewForm } from "./new-form";
import { useExtractionForms } from "./use-extraction-forms";

interface Props {
  reviewId: string;
  slug: string;
  canLead: boolean;
  initialFormId: string | null;
}

export function ExtractionHome({ reviewId, slug, canLead, initialFormId }: Props) {
  const { forms, list, form, pick, studies, candidates } = useExtractionForms(reviewId, canLead, initialFormId);
  // Leads read drafts and every extractor's values even in an archived review; they change nothing there.
  const mayEdit = useMayChange("lead");
  if (forms.isPending) return <p className="muted">Loading…</p>;
  if (forms.error) return <ErrorAlert>{forms.error.message}</ErrorAlert>;

  return (
    <>
      <p>
        <Link href={`/r/${slug}/extraction/outcomes`}>Outcomes</Link>{" "}
        <span className="muted">— the review&apos;s outcome list, which result rows choose from</span>
      </p>
      {list.length === 0 ? (
        <InfoAlert>
          <p>
            This review has no extraction form yet.
            {mayEdit ? " Create one below, blank or from a shipped template." : canLead ? "" : " A lead creates one."}
          </p>
        </InfoAlert>
      ) : (
        <section className="card" aria-labelledby="form-heading">
          <div className="card-head">
            <h2 id="form-heading">Form</h2>
            {list.length > 1 && (
              <select aria-label="Form" value={form?.id} onChange={(e) => pick(e.target.value)}>
                {list.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            )}
          </div>
          {form && (
            <>
              <p>
                <strong>{form.name}</strong>{" "}
                {form.latest ? (
                  <span className="muted">
                    version {form.latest.version}, published {formatDate(form.latest.publishedAt)} ·{" "}
                    {form.extractorsPerStudy} extractor{form.extractorsPerStudy === 1 ? "" : "s"} per study
                  </span>
                ) : (
                  <span className="badge">draft, not published</span>
                )}
                {form.hasDraft && form.latest && <span className="badge">unpublished changes</span>}
              </p>
              {mayEdit && (
                <div className="row-actions">
                  <Link className="btn btn-secondary" href={`/r/${slug}/extraction/forms/${form.id}`}>
                    {form.latest ? "Edit form" : "Edit and publish"}
                  </Link>
                  <FormSettings key={form.id} reviewId={reviewId} form={form} />
                </div>
              )}
            </>
          )}
        </section>
      )}
      {form?.latest && (
        <section className="card" aria-labelledby="studies-heading">
          <h2 id="studies-heading">Studies</h2>
          <ErrorAlert>{studies.error?.message}</ErrorAlert>
          {studies.data && (
            <ExtractionStudies
              reviewId={reviewId}
              slug={slug}
              form={form}
              studies={studies.data}
              canLead={canLead}
              canAssign={mayEdit}
              candidates={candidates}
            />
          )}
        </section>
      )}
      {form?.latest && <Downloads reviewId={reviewId} formId={form.id} canLead={canLead} />}
      {mayEdit && (
        <section className="card" aria-labelledby="new-form-heading">
          <h2 id="new-form-heading">New form</h2>
          <NewForm reviewId={reviewId} onCreated={pick} />
        </section>
      )}
    </>
  );
}
