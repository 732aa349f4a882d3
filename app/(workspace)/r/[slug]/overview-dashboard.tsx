"use client";
// The Overview's live part: how far screening is at each stage, what waits for the reader, and for whoever sees
// the team's decisions each reviewer's pace and when the stage would be done; kept current as the team decides.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/app/_components/alerts";
import { DataTable } from "@/app/_components/data-table";
import { useTRPC } from "@/app/_components/trpc";
import { formatCount, plural } from "@/app/_lib/format";
import { STAGE_LABELS, type Stage } from "@/server/shared/stages";
import { LiveStatus } from "./_live/live-status";
import { useLiveReview } from "./_live/use-live-review";

const SCREEN_PATH: Record<Stage, string> = { title_abstract: "screening", full_text: "full-text/screen" };
const FINISH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const stageName = (stage: Stage) => STAGE_LABELS[stage].toLowerCase();
const figure = (n: number | undefined) => (n === undefined ? "—" : formatCount(n));

export function OverviewDashboard({ reviewId, slug }: { reviewId: string; slug: string }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.dashboard.overview.queryOptions({ reviewId }));
  const live = useLiveReview(reviewId);
  if (overview.error) return <ErrorAlert>{overview.error.message}</ErrorAlert>;
  const data = overview.data;
  if (!data) return <p className="muted">Loading progress…</p>;
  const { next } = data;
  const todo = [
    ...next.screen.map((s) => ({
      href: `/r/${slug}/${SCREEN_PATH[s.stage]}`,
      text: `Screen ${plural(s.records, "record")} at ${stageName(s.stage)}`,
    })),
    ...next.conflicts.map((c) => ({
      href: `/r/${slug}/conflicts`,
      text: `Resolve ${plural(c.conflicts, "conflict")} at ${stageName(c.stage)}`,
    })),
    ...(next.extractions
      ? [{ href: `/r/${slug}/extraction`, text: `Finish ${plural(next.extractions, "extraction")}` }]
      : []),
    ...(next.appraisals
      ? [{ href: `/r/${slug}/appraisal`, text: `Finish ${plural(next.appraisals, "appraisal")}` }]
      : []),
  ];
  const blinded = data.stages.filter((s) => !s.team);
  // Columns of team figures only where some stage shows them, so a blinded reviewer's own columns come first.
  const team = blinded.length < data.stages.length;
  return (
    <>
      <section className="card" aria-labelledby="next-heading">
        <h2 id="next-heading">Next for you</h2>
        {todo.length ? (
          <ul className="next-list">
            {todo.map((t) => (
              <li key={t.href + t.text}>
                <Link href={t.href}>{t.text}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing waits for you now.</p>
        )}
      </section>
      <section className="card" aria-labelledby="progress-heading">
        <div className="live-heading">
          <h2 id="progress-heading">Screening progress</h2>
          <LiveStatus state={live} />
        </div>
        <DataTable
          label="Screening progress"
          scroll
          rows={data.stages}
          rowKey={(s) => s.stage}
          columns={[
            { key: "stage", header: "Stage", rowHeader: true, cell: (s) => STAGE_LABELS[s.stage] },
            { key: "records", header: "Records", numeric: true, cell: (s) => figure(s.records) },
            team && { key: "decided", header: "Decided", numeric: true, cell: (s) => figure(s.team?.decided) },
            team && {
              key: "awaiting",
              header: "Awaiting another reviewer",
              numeric: true,
              cell: (s) => figure(s.team?.awaitingAnotherReviewer),
            },
            team && {
              key: "conflicts",
              header: "Open conflicts",
              numeric: true,
              cell: (s) => figure(s.team?.conflicts),
            },
            team && { key: "remaining", header: "Remaining", numeric: true, cell: (s) => figure(s.team?.remaining) },
            { key: "mine", header: "You decided", numeric: true, cell: (s) => figure(s.mine.decided) },
            { key: "left", header: "Left for you", numeric: true, cell: (s) => figure(s.mine.remaining) },
          ]}
        />
        {blinded.length > 0 && (
          <p className="hint">
            While {blinded.map((s) => stageName(s.stage)).join(" and ")} screening is blinded, the team&apos;s figures
            there are for leads: they would tell you how your co-reviewers decided.
          </p>
        )}
      </section>
      {data.stages.map(
        (s) =>
          s.team && (
            <section key={s.stage} className="card" aria-labelledby={`pace-${s.stage}`}>
              <h2 id={`pace-${s.stage}`}>Pace at {stageName(s.stage)}</h2>
              <p>
                {s.team.projection === null
                  ? `No decisions in the last ${data.paceDays} days, so no finish can be projected.`
                  : s.team.projection.days === 0
                    ? "Every record has the decisions it needs."
                    : `${formatCount(s.team.decisionsNeeded)} decisions still needed; at the last ${data.paceDays} days' pace (${s.team.projection.perDay.toFixed(1)} a day), about ${plural(s.team.projection.days, "day")}: done around ${FINISH.format(new Date(s.team.projection.finish))}.`}
              </p>
              {s.team.reviewers.length > 0 && (
                <DataTable
                  label={`Reviewers' pace at ${stageName(s.stage)}`}
                  rows={s.team.reviewers}
                  rowKey={(r) => r.id}
                  columns={[
                    { key: "name", header: "Reviewer", rowHeader: true, cell: (r) => r.name },
                    { key: "decisions", header: "Decisions", numeric: true, cell: (r) => formatCount(r.decisions) },
                    {
                      key: "week",
                      header: `Last ${data.paceDays} days`,
                      numeric: true,
                      cell: (r) => formatCount(r.lastWeek),
                    },
                    {
                      key: "hour",
                      header: "Last hour",
                      numeric: true,
                      cell: (r) => formatCount(r.lastHour),
                    },
                    {
                      key: "day",
                      header: "A day",
                      numeric: true,
                      cell: (r) => (r.lastWeek / data.paceDays).toFixed(1),
                    },
                  ]}
                />
              )}
            </section>
          ),
      )}
    </>
  );
}
