// An appraisal's stored answers, checked against its tool, and the judgements they lead to. Pure.
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { askedResponses, skippedQuestions } from "./tools/asked";
import { OPTION_LABELS, type ToolDefinition } from "./tools/types";
import { asChosen, designOption, type ToolChoice, variantOption } from "./tools/variants";

export const OVERALL = "overall";

export const AnswersInput = z.object({
  responses: z.record(z.string().max(16), z.string().max(32)).default({}),
  support: z.record(z.string().max(16), z.string().max(5000)).default({}),
  overrides: z
    .record(z.string().max(16), z.object({ judgement: z.string().max(32), reason: z.string().max(2000) }))
    .default({}),
  /** The tool variant chosen for this appraisal (RoB 2 domain 2's effect of interest); absent = the default. */
  variant: z.string().max(32).optional(),
  /** The trial design chosen for this appraisal (RoB 2: parallel, cluster-randomised, crossover); absent = the default. */
  design: z.string().max(32).optional(),
});
export type AppraisalAnswers = z.infer<typeof AnswersInput>;

export const EMPTY_ANSWERS: AppraisalAnswers = { responses: {}, support: {}, overrides: {} };

/**
 * Refuses anything the tool does not ask or allow, with a message naming the question, so a forged or stale
 * form never stores answers that no one can read back. Blank responses are dropped.
 */
export function checkAnswers(baseTool: ToolDefinition, raw: unknown): AppraisalAnswers {
  const parsed = AnswersInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      "INVALID_INPUT",
      "The answers are not in the shape this form sends. Reload the page and try again.",
    );
  const answers = parsed.data;
  if (answers.variant !== undefined && !variantOption(baseTool, answers.variant)) {
    throw new AppError(
      "INVALID_INPUT",
      `${baseTool.label} has no variant "${answers.variant}"; the form may be out of date. Reload the page.`,
    );
  }
  if (answers.design !== undefined && !designOption(baseTool, answers.design)) {
    throw new AppError(
      "INVALID_INPUT",
      `${baseTool.label} has no trial design "${answers.design}"; the form may be out of date. Reload the page.`,
    );
  }
  const tool = asChosen(baseTool, answers);
  const questions = new Map(
    tool.domains.flatMap((d) => d.questions.map((question) => [question.id, question] as const)),
  );
  const domainIds = new Set(tool.domains.map((d) => d.id));
  const levels = new Set(tool.levels.map((l) => l.value));
  const responses: Record<string, string> = {};
  for (const [id, value] of Object.entries(answers.responses)) {
    const question = questions.get(id);
    if (!question)
      throw new AppError(
        "INVALID_INPUT",
        `${tool.label} has no question ${id}; the form may be out of date. Reload the page.`,
      );
    if (value === "") continue;
    if (!question.options.includes(value)) {
      throw new AppError(
        "INVALID_INPUT",
        `"${value}" is not an answer to ${tool.label} question ${id}; choose one of ${question.options.join(", ")}.`,
      );
    }
    responses[id] = value;
  }
  // An answer to a question the tool no longer asks (its condition is not met) is not kept: it would count nowhere.
  for (const id of skippedQuestions(tool.domains, responses)) delete responses[id];
  for (const id of Object.keys(answers.support)) {
    if (!domainIds.has(id)) throw new AppError("INVALID_INPUT", `${tool.label} has no domain ${id}.`);
  }
  for (const [id, override] of Object.entries(answers.overrides)) {
    if (id === OVERALL ? tool.overall === null : !domainIds.has(id)) {
      throw new AppError("INVALID_INPUT", `${tool.label} has no judgement ${id} to override.`);
    }
    if (!levels.has(override.judgement))
      throw new AppError("INVALID_INPUT", `"${override.judgement}" is not a ${tool.label} judgement.`);
  }
  const checked = {
    responses,
    support: answers.support,
    overrides: answers.overrides,
    ...choiceOf(answers),
  };
  const unexplained = overridesNeedingReason(tool, checked)[0];
  if (unexplained)
    throw new AppError(
      "INVALID_INPUT",
      `Give a reason for overriding the proposed judgement of ${unexplained === OVERALL ? "the overall risk" : unexplained}.`,
    );
  return checked;
}

/**
 * Overrides that replace a judgement the tool proposed but give no reason. Where the tool proposes nothing
 * (a ROBINS-I domain without an algorithm), the appraiser's choice is the judgement and needs no reason.
 */
export function overridesNeedingReason(tool: ToolDefinition, answers: AppraisalAnswers): string[] {
  const { domains, overall } = assess(tool, answers);
  return [...domains, ...(overall ? [overall] : [])]
    .filter(
      (j) => j.overridden && j.proposed !== null && j.proposed !== j.final && !answers.overrides[j.id]!.reason.trim(),
    )
    .map((j) => j.id);
}

export interface Judgement {
  id: string;
  proposed: string | null;
  final: string | null;
  overridden: boolean;
}

export interface Assessment {
  domains: Judgement[];
  overall: Judgement | null;
  /** Domains (or "overall") still without a final judgement. */
  missing: string[];
}

function judge(id: string, proposed: string | null, answers: AppraisalAnswers): Judgement {
  const override = answers.overrides[id];
  return { id, proposed, final: override?.judgement ?? proposed, overridden: Boolean(override) };
}

/** The tool's algorithm proposes; an override (with its reason) replaces the proposal. */
export function assess(baseTool: ToolDefinition, answers: AppraisalAnswers): Assessment {
  const tool = asChosen(baseTool, answers);
  const asked = askedResponses(tool.domains, answers.responses);
  const domains = tool.domains.map((d) => judge(d.id, d.propose ? d.propose(asked) : null, answers));
  let overall: Judgement | null = null;
  if (tool.overall) {
    const finals = domains.map((d) => d.final);
    const proposed = finals.every((f): f is string => f !== null) ? tool.overall(finals) : null;
    overall = judge(OVERALL, proposed, answers);
  }
  const missing = [...domains, ...(overall ? [overall] : [])].filter((j) => j.final === null).map((j) => j.id);
  return { domains, overall, missing };
}

/** The choices set in these answers, and nothing for those left at their default. */
function choiceOf(answers: ToolChoice): ToolChoice {
  return {
    ...(answers.variant === undefined ? {} : { variant: answers.variant }),
    ...(answers.design === undefined ? {} : { design: answers.design }),
  };
}

/**
 * The answers after the appraiser picks another variant or trial design: answers to questions worded the same in
 * both (RoB 2's 2.1 and 2.2) are kept; the rest belonged to questions no longer asked and are cleared, with the
 * support and overrides of domains no longer asked.
 */
export function switchVariant(baseTool: ToolDefinition, answers: AppraisalAnswers, next: ToolChoice): AppraisalAnswers {
  const before = asChosen(baseTool, answers);
  const choice = { ...choiceOf(answers), ...next };
  const after = asChosen(baseTool, choice);
  const asked = new Set(after.domains.flatMap((d) => d.questions.map((q) => `${q.id}\u0000${q.text}`)));
  const responses: Record<string, string> = {};
  for (const domain of before.domains) {
    for (const question of domain.questions) {
      const value = answers.responses[question.id];
      if (value !== undefined && asked.has(`${question.id}\u0000${question.text}`)) responses[question.id] = value;
    }
  }
  const domainIds = new Set(after.domains.map((d) => d.id));
  const kept = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => id === OVERALL || domainIds.has(id)));
  return { responses, support: kept(answers.support), overrides: kept(answers.overrides), ...choice };
}

/** An answer stored under an earlier version of the form that the current one no longer accepts. */
export interface SetAside {
  id: string;
  value: string;
  message: string;
}

/**
 * Stored answers read against the current form: whatever it no longer accepts (an answer a question no longer
 * offers, a question or variant it no longer has) is set aside, each with a sentence saying so, and the rest is
 * read as usual, so an appraisal saved under an earlier version always opens and is simply missing those answers.
 */
export function readAnswers(
  baseTool: ToolDefinition,
  stored: unknown,
): { answers: AppraisalAnswers; setAside: SetAside[] } {
  const parsed = AnswersInput.safeParse(stored ?? {});
  if (!parsed.success) {
    return {
      answers: EMPTY_ANSWERS,
      setAside: [
        { id: "answers", value: "", message: "The stored answers could not be read; answer the questions again." },
      ],
    };
  }
  const raw = parsed.data;
  const setAside: SetAside[] = [];
  let variant = raw.variant;
  if (variant !== undefined && !variantOption(baseTool, variant)) {
    setAside.push({
      id: "variant",
      value: variant,
      message: `The variant "${variant}" is no longer offered; choose one again.`,
    });
    variant = undefined;
  }
  // Saved before the domain was split by variant: answers that only one variant asks choose that variant.
  if (variant === undefined) variant = variantAnswered(baseTool, Object.keys(raw.responses));
  let design = raw.design;
  if (design !== undefined && !designOption(baseTool, design)) {
    setAside.push({
      id: "design",
      value: design,
      message: `The trial design "${design}" is no longer offered; choose it again.`,
    });
    design = undefined;
  }
  const tool = asChosen(baseTool, { variant, design });
  const questions = new Map(
    tool.domains.flatMap((d) => d.questions.map((question) => [question.id, question] as const)),
  );
  const responses: Record<string, string> = {};
  for (const [id, value] of Object.entries(raw.responses)) {
    if (value === "") continue;
    const question = questions.get(id);
    if (!question) {
      const elsewhere = baseTool.variants?.options.find((o) => o.domain.questions.some((x) => x.id === id));
      if (elsewhere) {
        setAside.push({
          id,
          value,
          message: `Question ${id} belongs to the ${elsewhere.label.toLowerCase()}; its answer "${OPTION_LABELS[value] ?? value}" is set aside.`,
        });
        continue;
      }
      setAside.push({
        id,
        value,
        message: `${tool.label} no longer asks question ${id}; its answer "${OPTION_LABELS[value] ?? value}" is set aside.`,
      });
    } else if (!question.options.includes(value)) {
      setAside.push({
        id,
        value,
        message: `"${OPTION_LABELS[value] ?? value}" is no longer an answer to question ${id} (the guidance offers ${question.options.join(", ")}); answer it again.`,
      });
    } else responses[id] = value;
  }
  for (const id of skippedQuestions(tool.domains, responses)) delete responses[id];
  const domainIds = new Set(tool.domains.map((d) => d.id));
  const levels = new Set(tool.levels.map((l) => l.value));
  const support = Object.fromEntries(Object.entries(raw.support).filter(([id]) => domainIds.has(id)));
  const overrides = Object.fromEntries(
    Object.entries(raw.overrides).filter(
      ([id, o]) => (id === OVERALL ? tool.overall !== null : domainIds.has(id)) && levels.has(o.judgement),
    ),
  );
  for (const id of Object.keys(raw.overrides)) {
    if (!(id in overrides))
      setAside.push({
        id,
        value: raw.overrides[id]!.judgement,
        message: `The override of ${id} no longer fits this form; judge it again.`,
      });
  }
  return { answers: { responses, support, overrides, ...choiceOf({ variant, design }) }, setAside };
}

/** The one non-default variant whose own questions these answers hold, when they hold none of the default's. */
function variantAnswered(tool: ToolDefinition, answered: readonly string[]): string | undefined {
  const options = tool.variants?.options;
  if (!options) return undefined;
  const own = (i: number) => {
    const others = new Set(options.filter((_, k) => k !== i).flatMap((o) => o.domain.questions.map((x) => x.id)));
    return new Set(options[i]!.domain.questions.map((x) => x.id).filter((id) => !others.has(id)));
  };
  const holds = options.map((_, i) => answered.some((id) => own(i).has(id)));
  const only = holds.filter(Boolean).length === 1 ? holds.indexOf(true) : -1;
  return only > 0 ? options[only]!.id : undefined;
}
