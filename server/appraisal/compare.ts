// Two appraisers' answers side by side, item by item, and the consensus draft a lead starts from. Pure.
import { assess, EMPTY_ANSWERS, type AppraisalAnswers } from "./answers";
import type { ToolDefinition } from "./tools/types";

export interface ItemComparison {
  kind: "question" | "judgement";
  domainId: string;
  id: string;
  values: (string | null)[];
  agree: boolean;
}

export function compareAnswers(tool: ToolDefinition, all: readonly AppraisalAnswers[]): ItemComparison[] {
  const assessments = all.map((a) => assess(tool, a));
  const items: ItemComparison[] = [];
  const same = (values: (string | null)[]) => values.every((v) => v === values[0]);
  tool.domains.forEach((domain, index) => {
    for (const question of domain.questions) {
      const values = all.map((a) => a.responses[question.id] ?? null);
      items.push({ kind: "question", domainId: domain.id, id: question.id, values, agree: same(values) });
    }
    const values = assessments.map((a) => a.domains[index]!.final);
    items.push({ kind: "judgement", domainId: domain.id, id: domain.id, values, agree: same(values) });
  });
  if (tool.overall) {
    const values = assessments.map((a) => a.overall!.final);
    items.push({ kind: "judgement", domainId: "overall", id: "overall", values, agree: same(values) });
  }
  return items;
}

/**
 * What the appraisers agree on is filled in; where they differ the lead decides. Supporting notes are kept
 * from each, labelled, so no one's quote is lost.
 */
export function consensusDraft(all: readonly { name: string; answers: AppraisalAnswers }[]): AppraisalAnswers {
  if (all.length === 0) return EMPTY_ANSWERS;
  const [first, ...rest] = all;
  const responses: Record<string, string> = {};
  for (const [id, value] of Object.entries(first!.answers.responses)) {
    if (rest.every((r) => r.answers.responses[id] === value)) responses[id] = value;
  }
  const support: Record<string, string> = {};
  const domainIds = new Set(all.flatMap((a) => Object.keys(a.answers.support)));
  for (const id of domainIds) {
    const notes = all.map((a) => ({ name: a.name, text: (a.answers.support[id] ?? "").trim() })).filter((n) => n.text);
    const distinct = new Set(notes.map((n) => n.text));
    support[id] = distinct.size === 1 ? notes[0]!.text : notes.map((n) => `${n.name}: ${n.text}`).join("\n");
  }
  const overrides: AppraisalAnswers["overrides"] = {};
  for (const [id, override] of Object.entries(first!.answers.overrides)) {
    if (rest.every((r) => r.answers.overrides[id]?.judgement === override.judgement)) overrides[id] = override;
  }
  return { responses, support, overrides };
}
