import { ROB2 } from "./rob2";
import { ROBINS_I } from "./robins-i";
import { SYRCLE } from "./syrcle";
import type { ToolDefinition, ToolName } from "./types";
import { VALIDITY } from "./validity";

export const TOOLS: Readonly<Record<ToolName, ToolDefinition>> = {
  rob2: ROB2,
  robins_i: ROBINS_I,
  syrcle: SYRCLE,
  validity_of_conclusions: VALIDITY,
};

export function toolDefinition(name: ToolName): ToolDefinition {
  return TOOLS[name];
}

export function levelLabel(tool: ToolDefinition, value: string | null | undefined): string {
  return tool.levels.find((l) => l.value === value)?.label ?? "Not judged";
}
