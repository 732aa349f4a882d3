// Appraisal data as tables: one row per study × tool × result (wide), and one row per answered item (long). Consensus
// values by default; each appraiser's own values for a lead, and only where every appraiser has completed, so
// an export never reveals work still blinded.

import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { TOOL_NAMES } from "../studies/designs";
import { currentToolWhere } from "./access";
import { assess, OVERALL, readAnswers } from "./answers";
import { isPerResult } from "./result-ref";
import { toolDefinition } from "./tools";
import { skippedQuestions } from "./tools/asked";
import { OPTION_LABELS, type ToolName } from "./tools/types";
import { asChosen, effectiveDesign, effectiveVariant } from "./tools/variants";

export type ExportSource = "consensus" | "appraisers";

export interface WideRow {
  studyId: string;
  study: string;
  /** RoB 2 and ROBINS-I: the outcome and time point of the result judged ("" while not named). */
  outcome?: string;
  timePoint?: string;
  tool: ToolName;
  appraiser: string;
  completedAt: string;
  judgements: Record<string, string>;
  overall: string;
  /** The tool variant appraised in, when the tool has variants (RoB 2: assignment or adhering). */
  variant?: string;
  /** The trial design appraised as, when the tool has designs (RoB 2: parallel, cluster-randomised, crossover). */
  design?: string;
}

export interface LongRow {
  studyId: string;
  study: string;
  outcome: string;
  timePoint: string;
  tool: string;
  appraiser: string;
  domain: string;
  item: string;
  text: string;
  answer: string;
  proposed: string;
  final: string;
  overrideReason: string;
  support: string;
}

export async function appraisalExportRows(db: Db, member: MemberScope, source: ExportSource) {
  const { reviewId } = member;
  if (source === "appraisers" && !hasRole(member.role, "lead")) {
    throw new AppError(
      "FORBIDDEN",
      "Each appraiser's own values are for leads; download the consensus values instead.",
    );
  }
  const [rows, needed] = await Promise.all([
    db.appraisal.findMany({
      where: {
        reviewId,
        isConsensus: source === "consensus",
        completedAt: { not: null },
        OR: TOOL_NAMES.map(currentToolWhere),
      },
      select: {
        tool: true,
        answers: true,
        completedAt: true,
        outcomeId: true,
        timePoint: true,
        outcome: { select: { name: true } },
        appraiser: { select: { name: true } },
        study: { select: { id: true, label: true } },
      },
      orderBy: [{ study: { label: "asc" } }, { tool: "asc" }, { timePoint: "asc" }, { createdAt: "asc" }],
    }),
    db.review.findUniqueOrThrow({ where: { id: reviewId }, select: { appraisersPerStudy: true } }),
  ]);
  // Appraisers are compared per result, so each result's appraisals are shown once all of that result's are complete.
  const resultKey = (r: (typeof rows)[number]) => `${r.study.id}|${r.tool}|${r.outcomeId ?? ""}|${r.timePoint}`;
  const complete = new Map<string, number>();
  for (const r of rows) complete.set(resultKey(r), (complete.get(resultKey(r)) ?? 0) + 1);
  const visible =
    source === "consensus" ? rows : rows.filter((r) => complete.get(resultKey(r))! >= needed.appraisersPerStudy);

  const wide: WideRow[] = [];
  const long: LongRow[] = [];
  for (const row of visible) {
    const baseTool = toolDefinition(row.tool);
    const { answers } = readAnswers(baseTool, row.answers);
    const assessment = assess(baseTool, answers);
    const tool = asChosen(baseTool, answers);
    const variant = effectiveVariant(baseTool, answers.variant);
    const design = effectiveDesign(baseTool, answers.design);
    const appraiser = source === "consensus" ? "consensus" : row.appraiser.name;
    const result = isPerResult(row.tool)
      ? { outcome: row.outcomeId ? (row.outcome?.name ?? "") : "", timePoint: row.timePoint }
      : { outcome: "", timePoint: "" };
    const base = { studyId: row.study.id, study: row.study.label, ...result, tool: tool.label, appraiser };
    const level = (v: string | null) => tool.levels.find((l) => l.value === v)?.label ?? "";
    wide.push({
      ...base,
      tool: row.tool,
      completedAt: row.completedAt!.toISOString(),
      judgements: Object.fromEntries(assessment.domains.map((d) => [d.id, level(d.final)])),
      overall: level(assessment.overall?.final ?? null),
      ...(variant ? { variant } : {}),
      ...(design ? { design } : {}),
    });
    const skipped = skippedQuestions(tool.domains, answers.responses);
    tool.domains.forEach((domain, i) => {
      const judgement = assessment.domains[i]!;
      for (const question of domain.questions) {
        // A question whose condition was not met was not asked: the guidance's NA.
        const answer = skipped.has(question.id) ? "NA" : answers.responses[question.id];
        long.push({
          ...base,
          domain: domain.id,
          item: question.id,
          text: question.text,
          answer: answer ? (OPTION_LABELS[answer] ?? answer) : "",
          proposed: "",
          final: "",
          overrideReason: "",
          support: "",
        });
      }
      long.push({
        ...base,
        domain: domain.id,
        item: "judgement",
        text: domain.label,
        answer: "",
        proposed: level(judgement.proposed),
        final: level(judgement.final),
        overrideReason: answers.overrides[domain.id]?.reason ?? "",
        support: answers.support[domain.id] ?? "",
      });
    });
    if (assessment.overall) {
      long.push({
        ...base,
        domain: OVERALL,
        item: "judgement",
        text: "Overall",
        answer: "",
        proposed: level(assessment.overall.proposed),
        final: level(assessment.overall.final),
        overrideReason: answers.overrides[OVERALL]?.reason ?? "",
        support: "",
      });
    }
  }
  return { wide, long };
}
