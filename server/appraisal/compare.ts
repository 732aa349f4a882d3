// Two appraisers' answers side by side, item by item, and the consensus draft a lead starts from. Pure.
import { type AppraisalAnswers, assess, EMPTY_ANSWERS } from "./answers";
import type { DomainDefinition, ToolDefinition } from "./tools/types";
import { asChosen, effectiveDesign, effectiveVariant, labelledDomains } from "./tools/variants";

export interface ItemComparison {
  kind: "question" | "judgement" | "variant" | "design";
  domainId: string;
  id: string;
  /** The question's wording, the domain's name, or the variant prompt, as the appraisers were shown it. */
  text: string;
  values: (string | null)[];
  agree: boolean;
}

const same = (values: (string | null)[]) => values.every((v) => v === values[0]);

/**
 * A domain's questions. Where appraisers answered it in different variants, the same number means different
 * questions, so each variant's questions are listed apart, answered only by those who chose it, and all differ.
 * An appraiser whose trial design does not ask the domain has no answers in it.
 */
function questionItems(
  perAppraiser: readonly (DomainDefinition | undefined)[],
  all: readonly AppraisalAnswers[],
  variantLabels: (string | null)[],
): ItemComparison[] {
  const domains = perAppraiser.filter((d): d is DomainDefinition => d !== undefined);
  const variants = [...new Set(domains)];
  if (variants.length === 1 && domains.length < perAppraiser.length) {
    return variants[0]!.questions.map((question) => ({
      kind: "question" as const,
      domainId: variants[0]!.id,
      id: question.id,
      text: question.text,
      values: all.map((a, i) => (perAppraiser[i] ? (a.responses[question.id] ?? null) : null)),
      agree: false,
    }));
  }
  if (variants.length === 1) {
    return variants[0]!.questions.map((question) => {
      const values = all.map((a) => a.responses[question.id] ?? null);
      return {
        kind: "question",
        domainId: variants[0]!.id,
        id: question.id,
        text: question.text,
        values,
        agree: same(values),
      };
    });
  }
  return variants.flatMap((domain) => {
    const label = variantLabels[perAppraiser.indexOf(domain)];
    return domain.questions.map((question) => ({
      kind: "question" as const,
      domainId: domain.id,
      id: question.id,
      text: `${label}: ${question.text}`,
      values: all.map((a, i) => (perAppraiser[i] === domain ? (a.responses[question.id] ?? null) : null)),
      agree: false,
    }));
  });
}

export function compareAnswers(tool: ToolDefinition, all: readonly AppraisalAnswers[]): ItemComparison[] {
  const assessments = all.map((a) => assess(tool, a));
  const tools = all.map((a) => asChosen(tool, a));
  const items: ItemComparison[] = [];
  const variants = tool.variants;
  const chosen = all.map((a) => effectiveVariant(tool, a.variant) ?? null);
  const chosenLabels = chosen.map((v) => variants?.options.find((o) => o.id === v)?.label ?? null);
  if (tool.designs) {
    const designs = all.map((a) => effectiveDesign(tool, a.design) ?? null);
    items.push({
      kind: "design",
      domainId: "design",
      id: "design",
      text: tool.designs.prompt,
      values: designs,
      agree: same(designs),
    });
  }
  labelledDomains(tool, all).forEach((domain) => {
    const perAppraiser = tools.map((t) => t.domains.find((d) => d.id === domain.id));
    if (variants?.domainId === domain.id) {
      items.push({
        kind: "variant",
        domainId: domain.id,
        id: "variant",
        text: variants.prompt,
        values: chosen,
        agree: same(chosen),
      });
    }
    items.push(...questionItems(perAppraiser, all, chosenLabels));
    const values = assessments.map((a) => a.domains.find((d) => d.id === domain.id)?.final ?? null);
    items.push({
      kind: "judgement",
      domainId: domain.id,
      id: domain.id,
      text: perAppraiser.find(Boolean)?.label ?? domain.label,
      values,
      agree: same(values) && perAppraiser.every(Boolean),
    });
  });
  if (tool.overall) {
    const values = assessments.map((a) => a.overall!.final);
    items.push({ kind: "judgement", domainId: "overall", id: "overall", text: "Overall", values, agree: same(values) });
  }
  return items;
}

/**
 * What the appraisers agree on is filled in; where they differ the lead decides. Supporting notes are kept
 * from each, labelled, so no one's quote is lost.
 */
export function consensusDraft(
  tool: ToolDefinition,
  all: readonly { name: string; answers: AppraisalAnswers }[],
): AppraisalAnswers {
  if (all.length === 0) return EMPTY_ANSWERS;
  const [first, ...rest] = all;
  const chosen = all.map((a) => effectiveVariant(tool, a.answers.variant));
  const variantAgreed = chosen.every((v) => v === chosen[0]);
  const designs = all.map((a) => effectiveDesign(tool, a.answers.design));
  const designAgreed = designs.every((d) => d === designs[0]);
  // Answers in different variants of a domain are answers to different questions, and a domain only one design
  // asks was not asked of everyone: the lead gives them afresh.
  const unsettled = new Set([
    ...(variantAgreed || !tool.variants
      ? []
      : tool.domains.find((d) => d.id === tool.variants!.domainId)!.questions.map((q) => q.id)),
    ...(designAgreed
      ? []
      : (tool.designs?.options ?? []).flatMap((o) => o.adds.flatMap((a) => a.domain.questions.map((q) => q.id)))),
  ]);
  const responses: Record<string, string> = {};
  for (const [id, value] of Object.entries(first!.answers.responses)) {
    if (!unsettled.has(id) && rest.every((r) => r.answers.responses[id] === value)) responses[id] = value;
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
  const variant = variantAgreed ? first!.answers.variant : undefined;
  const design = designAgreed ? first!.answers.design : undefined;
  return {
    responses,
    support,
    overrides,
    ...(variant === undefined ? {} : { variant }),
    ...(design === undefined ? {} : { design }),
  };
}
