// A tool as one appraisal answers it: RoB 2's domain 2 (ROBINS-I's domain 4) is asked in the variant the appraiser
// chose, and RoB 2 adds the domains of the trial design chosen (cluster-randomised, crossover). Both choices are
// kept in the appraisal's answers; answers without one read as the first (default) option. Pure.
import type { DesignOption, DomainDefinition, ToolDefinition, VariantOption } from "./types";

/** What an appraisal chose: the variant (effect of interest) and the trial design. */
export interface ToolChoice {
  variant?: string;
  design?: string;
}

/** The chosen variant, or undefined when the tool has none or the id is not one of its variants. */
export function variantOption(tool: ToolDefinition, variant: string | undefined): VariantOption | undefined {
  const options = tool.variants?.options;
  if (!options) return undefined;
  return variant === undefined ? options[0] : options.find((o) => o.id === variant);
}

/** The chosen trial design, or undefined when the tool has no designs or the id is not one of them. */
export function designOption(tool: ToolDefinition, design: string | undefined): DesignOption | undefined {
  const options = tool.designs?.options;
  if (!options) return undefined;
  return design === undefined ? options[0] : options.find((o) => o.id === design);
}

/** The variant an appraisal's answers are read in (the default one when none was chosen). */
export function effectiveVariant(tool: ToolDefinition, variant: string | undefined): string | undefined {
  return variantOption(tool, variant)?.id;
}

export function effectiveDesign(tool: ToolDefinition, design: string | undefined): string | undefined {
  return designOption(tool, design)?.id;
}

function withDesignDomains(domains: readonly DomainDefinition[], design: DesignOption | undefined) {
  if (!design) return domains;
  return domains.flatMap((d) => [
    design.replaces?.find((r) => r.of === d)?.by ?? d,
    ...design.adds.filter((a) => a.after === d.id).map((a) => a.domain),
  ]);
}

/**
 * The tool with the chosen variant's domain in place of the default one and the chosen design's domains added or
 * reworded; unchanged for a tool with neither.
 */
export function withVariant(tool: ToolDefinition, variant: string | undefined, design?: string): ToolDefinition {
  const option = variantOption(tool, variant);
  const designed = designOption(tool, design);
  if (!option && !designed) return tool;
  const domains = option ? tool.domains.map((d) => (d.id === option.domain.id ? option.domain : d)) : tool.domains;
  return { ...tool, domains: withDesignDomains(domains, designed) };
}

/** The tool as these answers chose it. */
export function asChosen(tool: ToolDefinition, choice: ToolChoice): ToolDefinition {
  return withVariant(tool, choice.variant, choice.design);
}

/** Every domain any design of the tool asks, in the tool's order: the columns of a table mixing designs. */
function allDomains(tool: ToolDefinition, designs: readonly (string | undefined)[]): readonly DomainDefinition[] {
  const present = (tool.designs?.options ?? []).filter((o) => designs.some((d) => effectiveDesign(tool, d) === o.id));
  return tool.domains.flatMap((d) => [
    d,
    ...present.flatMap((o) => o.adds.filter((a) => a.after === d.id).map((a) => a.domain)),
  ]);
}

/**
 * Domains labelled for a set of appraisals (plots, export headers): every domain any of them was asked, a
 * variant's own label when all share it, otherwise the generic label naming each variant present, so a mixed
 * table never claims one effect for all.
 */
export function labelledDomains(tool: ToolDefinition, choices: readonly ToolChoice[]): readonly DomainDefinition[] {
  const domains = allDomains(
    tool,
    choices.map((c) => c.design),
  );
  if (!tool.variants) return domains;
  const variants = choices.map((c) => c.variant);
  const present = tool.variants.options.filter((o) => variants.some((v) => effectiveVariant(tool, v) === o.id));
  const { domainId, genericLabel } = tool.variants;
  if (present.length <= 1) {
    const option = present[0] ?? tool.variants.options[0]!;
    return domains.map((d) => (d.id === domainId ? option.domain : d));
  }
  const label = `${genericLabel} (${present.map((o, i) => `${variantMark(i)}effect of ${o.short}`).join("; ")})`;
  return domains.map((d) => (d.id === domainId ? { ...d, label } : d));
}

/** Where variants mix, each non-default one marks its studies' rows: "", "†", "‡". */
export function variantMark(index: number): string {
  return ["", "† ", "‡ "][index] ?? `(${index + 1}) `;
}

/** The mark a row carries in a mixed plot: empty unless several variants are present and its own is not the first. */
export function rowMark(
  tool: ToolDefinition,
  variants: readonly (string | undefined)[],
  variant: string | undefined,
): string {
  if (!tool.variants) return "";
  const present = tool.variants.options.filter((o) => variants.some((v) => effectiveVariant(tool, v) === o.id));
  if (present.length <= 1) return "";
  return variantMark(present.findIndex((o) => o.id === effectiveVariant(tool, variant))).trim();
}

/**
 * A row's domain judgements (in its own design's order) laid out under shared columns: undefined where the row's
 * design does not ask that domain, so a mixed table shows "not asked" rather than shifting judgements.
 */
export function alignedJudgements<T>(
  tool: ToolDefinition,
  row: ToolChoice & { judgements: readonly T[] },
  columns: readonly DomainDefinition[],
): (T | undefined)[] {
  const own = asChosen(tool, row).domains.map((d) => d.id);
  return columns.map((c) => {
    const index = own.indexOf(c.id);
    return index < 0 ? undefined : row.judgements[index];
  });
}
