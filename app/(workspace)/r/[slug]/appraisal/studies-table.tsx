import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { TOOLS } from "@/server/api/contract/appraisal";
import { DESIGN_LABELS, type Design } from "@/server/api/contract/studies";
import type { AppRouter } from "@/server/api/root";
import { JudgementBadge } from "./judgement-badge";

type Overview = inferRouterOutputs<AppRouter>["appraisal"]["overview"];
type Study = Overview["studies"][number];

const MINE = { not_started: "Not started", in_progress: "In progress", completed: "Completed" } as const;

/** Each study with a row per tool it is appraised with; the study's name and design span its rows. */
export function StudiesTable({ slug, overview }: { slug: string; overview: Overview }) {
  const rows = overview.studies.flatMap((study) => study.tools.map((tool, index) => ({ study, tool, index })));
  const spanStudy = {
    covered: (row: { index: number }) => row.index > 0,
    cellProps: (row: { study: Study }) => ({ rowSpan: row.study.tools.length }),
  };
  return (
    <DataTable
      scroll
      rows={rows}
      rowKey={(row) => `${row.study.id}-${row.tool.tool}`}
      columns={[
        {
          key: "study",
          header: "Study",
          rowHeader: true,
          ...spanStudy,
          cell: (row) => <Link href={`/r/${slug}/appraisal/${row.study.id}`}>{row.study.label}</Link>,
        },
        {
          key: "design",
          header: "Design",
          ...spanStudy,
          cell: ({ study }) =>
            study.design ? (
              (DESIGN_LABELS[study.design as Design] ?? study.design)
            ) : (
              <span className="muted">Not set</span>
            ),
        },
        {
          key: "tool",
          header: "Tool",
          cell: ({ study, tool }) => (
            <Link href={`/r/${slug}/appraisal/${study.id}?tool=${tool.tool}`}>{TOOLS[tool.tool].label}</Link>
          ),
        },
        {
          key: "mine",
          header: "Mine",
          className: "tool-status",
          // RoB 2 and ROBINS-I judge results: how many the member appraises, and any still to be named.
          cell: ({ tool }) =>
            tool.myResults === null || tool.myResults === 0 ? (
              MINE[tool.mine]
            ) : (
              <>
                {tool.myResults === 1 ? "1 result" : `${tool.myResults} results`}
                {tool.myUnnamed ? <strong> · {tool.myUnnamed} not named</strong> : null}
              </>
            ),
        },
        {
          key: "done",
          header: "Appraisers done",
          className: "num",
          cell: ({ tool }) => `${tool.completed} of ${overview.appraisersPerStudy}`,
        },
        {
          key: "consensus",
          header: "Consensus",
          cell: ({ tool }) =>
            tool.consensusResults > 1 ? (
              `${tool.consensusResults} results recorded`
            ) : tool.consensus?.overall ? (
              <JudgementBadge tool={TOOLS[tool.tool]} value={tool.consensus.overall} />
            ) : tool.consensus ? (
              "Recorded"
            ) : (
              <span className="muted">—</span>
            ),
        },
      ]}
    />
  );
}
