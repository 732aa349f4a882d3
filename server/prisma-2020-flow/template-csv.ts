// The diagram's numbers as the PRISMA2020 R package's CSV template: same rows, same columns, `n` filled in.
import { FLOW_VARIABLES, type FlowVariable, type Prisma2020Flow, type ReasonCount } from "./flow";
import { TEMPLATE_COLUMNS, TEMPLATE_ROWS } from "./template-rows";

/**
 * The package splits "Name, n; Name, n" at "; " and then at the first comma, so a label may hold neither; and it
 * reads numbers with as.numeric, so they carry no thousands separator.
 */
function list(rows: { name: string; n: number }[]): string {
  return rows.map((r) => `${r.name.replace(/\s*[,;]\s*/g, " / ")}, ${r.n}`).join("; ");
}

const reasons = (r: ReasonCount[]) => list(r.map((x) => ({ name: x.reason, n: x.n })));

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function templateCsv(flow: Prisma2020Flow): string {
  const special: Record<string, string> = {
    database_specific_results: list(flow.databases),
    register_specific_results: list(flow.registers),
    dbr_excluded: reasons(flow.dbrExcluded),
    other_excluded: reasons(flow.otherExcluded),
  };
  const lines = [TEMPLATE_COLUMNS.join(",")];
  for (const row of TEMPLATE_ROWS) {
    const name = row[0]!;
    const n =
      special[name] ??
      ((FLOW_VARIABLES as readonly string[]).includes(name) ? String(flow.values[name as FlowVariable]) : "0");
    lines.push([...row, n].map(cell).join(","));
  }
  return `${lines.join("\n")}\n`;
}
