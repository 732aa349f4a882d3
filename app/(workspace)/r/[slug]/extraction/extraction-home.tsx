"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { DESIGN_LABELS, type Design } from "@/server/studies/designs";
import { ErrorAlert } from "@/app/_components/form-alerts";
import { useTRPC } from "@/app/_components/trpc";
import { formatDate } from "@/app/_lib/format";
import { AssignExtractors } from "./assign-extractors";
import { Downloads } from "./downloads";
import { FormSettings } from "./form-settings";
import { NewForm } from "./new-form";

interface Props {
  reviewId: string;
  slug: string;
  canLead: boolean;
  initialFormId: string | null;
}

export function ExtractionHome({ reviewId, slug, canLead, initialFormId }: Props) {
  const trpc = useTRPC();
  const forms = useQuery(trpc.extraction.forms.queryOptions({ reviewId }));
  const [picked, setPicked] = useState<string | null>(initialFormId);
  const list = forms.data ?? [];
  const form = list.find((f) => f.id === picked) ?? list.find((f) => f.latest) ?? list[0];
  const members = useQuery({ ...trpc.team.members.queryOptions({ reviewId }), enabled: canLead });
  // Progress changes under other people's hands, so every visit asks afresh.
  const studies = useQuery({ ...trpc.extraction.studies.queryOptions({ reviewId, formId: form?.id ?? "" }, { staleTime: 0 }), enabled: Boolean(form?.latest) });
  const candidates = (members.data ?? []).filter((m) => !m.removedAt && m.role !== "observer").map((m) => ({ id: m.userId, name: m.name }));

  if (forms.isPending) return <p className="muted">Loading…</p>;
  if (forms.error) return <ErrorAlert message={forms.error.message} />;

  function pick(id: string) {
    setPicked(id);
    window.history.replaceState(null, "", `?form=${id}`);
  }

  return (
    <>
      {list.length === 0 ? (
        <div className="alert alert-info">
          <p>This review has no extraction form yet.{canLead ? " Create one below, blank or from a shipped template." : " A lead creates one."}</p>
        </div>
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
                    version {form.latest.version}, published {formatDate(form.latest.publishedAt)} · {form.extractorsPerStudy} extractor{form.extractorsPerStudy === 1 ? "" : "s"} per study
                  </span>
                ) : (
                  <span className="badge">draft, not published</span>
                )}
                {form.hasDraft && form.latest && <span className="badge">unpublished changes</span>}
              </p>
              {canLead && (
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
          {studies.error && <ErrorAlert message={studies.error.message} />}
          {studies.data && studies.data.length === 0 && (
            <p className="muted">
              No studies yet. Included reports are grouped into studies on the <Link href={`/r/${slug}/studies`}>Studies</Link> page; each
              study is extracted once.
            </p>
          )}
          {studies.data && studies.data.length > 0 && (
            <div className="table-scroll">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Study</th>
                    <th scope="col" className="num">Reports</th>
                    <th scope="col">{canLead ? "Extractors" : "Your extraction"}</th>
                    <th scope="col">Progress</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {studies.data.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        {s.label}
                        {s.design && <span className="muted small"> · {DESIGN_LABELS[s.design as Design] ?? s.design}</span>}
                      </th>
                      <td className="num">{s.reports}</td>
                      <td>
                        {canLead ? (
                          <AssignExtractors
                            key={`${form.id}-${s.extractors?.map((e) => e.id).join()}`}
                            reviewId={reviewId}
                            formId={form.id}
                            studyId={s.id}
                            studyLabel={s.label}
                            slots={form.extractorsPerStudy}
                            current={s.extractors ?? []}
                            candidates={candidates}
                          />
                        ) : s.mine ? (
                          s.mine.completed ? "complete" : "in progress"
                        ) : (
                          <span className="muted">not assigned to you</span>
                        )}
                      </td>
                      <td>
                        {s.consensus ? (
                          <span className="badge badge-done">consensus recorded</span>
                        ) : s.extractors ? (
                          `${s.extractors.filter((e) => e.completed).length} of ${form.extractorsPerStudy} complete`
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td>
                        <div className="row-actions">
                        {s.mine && (
                          <Link className="btn btn-small btn-primary" href={`/r/${slug}/extraction/studies/${s.id}?form=${form.id}`}>
                            {s.mine.completed || s.consensus ? "Open" : "Extract"}
                          </Link>
                        )}
                        {canLead && (s.extractors?.length ?? 0) > 0 && (
                          <Link className="btn btn-small btn-secondary" href={`/r/${slug}/extraction/studies/${s.id}/compare?form=${form.id}`}>
                            {s.consensus ? "Consensus" : "Compare"}
                          </Link>
                        )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {form?.latest && <Downloads reviewId={reviewId} formId={form.id} canLead={canLead} />}
      {canLead && (
        <section className="card" aria-labelledby="new-form-heading">
          <h2 id="new-form-heading">New form</h2>
          <NewForm reviewId={reviewId} onCreated={pick} />
        </section>
      )}
    </>
  );
}
