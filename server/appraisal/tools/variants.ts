// A tool as one appraisal answers it: RoB 2's domain 2 is asked in the variant the appraiser chose. The choice is
// kept in the appraisal's answers, and answers without one read as the first (default) variant. Pure.
import type { DomainDefinition, ToolDefinition, VariantOption } from "./types";

/** The chosen variant, or undefined when the tool has none or the id is not one of its variants. */
export function variantOption(tool: ToolDefinition, variant: string | undefined): VariantOption | undefined {
  const options = tool.variants?.options;
  if (!options) return undefined;
  return variant === undefined ? options[0] : options.find((o) => o.id === variant);
}

/** The variant an appraisal's answers are read in (the default one when none was chosen). */
export function effectiveVariant(tool: ToolDefinition, variant: string | undefined): string | undefined {
  return variantOption(tool, variant)?.id;
}

/** The tool with the chosen variant's domain in place of the default one; unchanged for a tool without variants. */
export function withVariant(tool: ToolDefinition, variant: string | undefined): ToolDefinition {
  const option = variantOption(tool, variant);
  if (!option) return tool;
  return { ...tool, domains: tool.domains.map((d) => (d.id === option.domain.id ? option.domain : d)) };
}

/**
 * Domains labelled for a set of appraisals (plots, export headers): a variant's own label when all share it,
 * otherwise the generic label naming each variant present, so a mixed table never claims one effect for all.
 */
export function labelledDomains(
  tool: ToolDefinition,
  variants: readonly (string | undefined)[],
): readonly DomainDefinition[] {
  if (!tool.variants) return tool.domains;
  const present = tool.variants.options.filter((o) => variants.some((v) => effectiveVariant(tool, v) === o.id));
  if (present.length <= 1) return withVariant(tool, present[0]?.id).domains;
  const { domainId, genericLabel } = tool.variants;
  const label = `${genericLabel} (${present.map((o, i) => `${variantMark(i)}effect of ${o.short}`).join("; ")})`;
  return tool.domains.map((d) => (d.id === domainId ? { ...d, label } : d));
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
