// From a study's consensus result rows to the meta-analysis engine's input for one outcome at one time point and
// one comparison (arm roles): the numbers each arm reports, converted where the paper gave something else (SE or
// CI for an SD, a median for a mean, final values and a baseline for a change), with every number traced to the
// result row it came from and every conversion said beside the number it produced. Pure: plain data in and out.

import type { FormDefinition } from "../extraction/form-definition";
import { armLabel } from "../extraction/references";
import {
  type Converted,
  changeSd,
  combineBinaryArms,
  combineContinuousArms,
  logSeFromRatioCi,
  meanSdFromMedian,
  sdFromCi,
  sdFromSe,
} from "../meta-analysis/conversions";
import type { Study, StudyData } from "../meta-analysis/types";
import type { OutcomeType } from "../outcomes/outcome-rules";

export interface StoredValue {
  fieldId: string;
  instanceKey: string;
  value: unknown;
}

export interface ConsensusStudy {
  studyId: string;
  label: string;
  definition: FormDefinition;
  values: StoredValue[];
}

export type ArmRole = "intervention" | "control" | "other";

export interface ResultSelection {
  outcome: { id: string; type: OutcomeType };
  /** A time point by its label ("week 28"), or a window in weeks on the rows' numeric time points (inclusive). */
  time: { label: string } | { fromWeeks: number; toWeeks: number };
  /** The arm roles compared: group 1 and group 2 of the engine (ignored for single-group outcomes). */
  comparison: { group1: ArmRole; group2: ArmRole };
  /**
   * For continuous outcomes, analyse change from baseline: a row reported as change is used as it is; otherwise the
   * final value minus the baseline row's (time point 0), its SD with this correlation imputed (Handbook 6.5.2.8).
   */
  change?: { correlation: number };
}

/** Where a number came from: the result row (its instance key) and field of the consensus extraction. */
export interface Source {
  instanceKey: string;
  fieldId: string;
  arm: string;
}

/** A number the engine gets that the paper did not report as such, with how it was worked out. */
export interface Conversion extends Converted {
  /** Which input it is, e.g. "sd1" or "sei". */
  input: string;
  arm: string;
}

export type ReadStudy =
  | {
      studyId: string;
      label: string;
      included: true;
      study: Study;
      sources: Source[];
      conversions: Conversion[];
    }
  | { studyId: string; label: string; included: false; reason: string };

const WEEKS: Record<string, number> = { days: 1 / 7, weeks: 1, months: 52.1775 / 12, years: 52.1775 };

interface Row {
  instanceKey: string;
  armKey: string;
  arm: string;
  role: ArmRole | null;
  get: (fieldId: string) => unknown;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** The rows of the study's results table with their arm's name and role. */
function rowsOf(s: ConsensusStudy): Row[] {
  const results = s.definition.sections.find((sec) => sec.fields.some((f) => f.type === "outcome_ref"));
  if (!results?.repeat) return [];
  const armField = results.fields.find((f) => f.id === "result_arm" && f.type === "arm_ref");
  const armSection = s.definition.sections.find((sec) => sec.id === armField?.armSectionId);
  const roleField = armSection?.fields.find((f) => f.type === "single_choice" && f.id.endsWith("_role"));
  const value = (fieldId: string, key: string) =>
    s.values.find((v) => v.fieldId === fieldId && v.instanceKey === key)?.value ?? null;
  const fieldIds = new Set(results.fields.map((f) => f.id));
  const keys = [...new Set(s.values.filter((v) => fieldIds.has(v.fieldId)).map((v) => v.instanceKey))].sort();
  return keys.map((instanceKey) => {
    const armKey = String(value("result_arm", instanceKey) ?? "");
    const role = roleField ? (value(roleField.id, armKey) as ArmRole | null) : null;
    return {
      instanceKey,
      armKey,
      arm: armSection ? armLabel(s.definition, armSection.id, s.values, armKey) || "unnamed arm" : "unnamed arm",
      role,
      get: (fieldId: string) => value(fieldId, instanceKey),
    };
  });
}

function atTime(row: Row, time: ResultSelection["time"]): boolean {
  if ("label" in time) {
    const fold = (t: unknown) =>
      String(t ?? "")
        .replace(/\s+/g, " ")
        .trim()
        .toLowerCase();
    return fold(row.get("time_point")) === fold(time.label);
  }
  const point = row.get("time_point_value") as { value: number; unit: string } | null;
  const factor = point ? WEEKS[point.unit] : undefined;
  if (!point || factor === undefined) return false;
  const weeks = point.value * factor;
  return weeks >= time.fromWeeks && weeks <= time.toWeeks;
}

class Skip extends Error {}

/** One arm's mean, SD and n, converting what the row reports; conversions and sources are noted as they are used. */
function continuousArm(
  row: Row,
  input: string,
  note: { sources: Source[]; conversions: Conversion[] },
  baseline: Row | undefined,
  change: ResultSelection["change"],
): { mean: number; sd: number; n: number } {
  const used = (fieldId: string) => note.sources.push({ instanceKey: row.instanceKey, fieldId, arm: row.arm });
  const converted = (name: string, c: Converted) =>
    note.conversions.push({ ...c, input: `${name}${input}`, arm: row.arm });
  const n = num(row.get("result_n"));
  if (n === undefined) throw new Skip(`${row.arm}: n is missing`);
  used("result_n");
  let mean = num(row.get("result_mean"));
  let sd = num(row.get("result_sd"));
  if (mean !== undefined) used("result_mean");
  if (sd !== undefined) used("result_sd");
  if (sd === undefined && num(row.get("result_se")) !== undefined) {
    used("result_se");
    const c = sdFromSe(num(row.get("result_se"))!, n);
    converted("sd", c);
    sd = c.value;
  }
  const lower = num(row.get("result_ci_lower"));
  const upper = num(row.get("result_ci_upper"));
  if (sd === undefined && lower !== undefined && upper !== undefined) {
    used("result_ci_lower");
    used("result_ci_upper");
    const level = (row.get("result_ci_level") as { value: number } | null)?.value ?? 95;
    const c = sdFromCi(lower, upper, n, level / 100);
    converted("sd", c);
    sd = c.value;
  }
  const median = num(row.get("result_median"));
  if ((mean === undefined || sd === undefined) && median !== undefined) {
    const parts = { q1: "result_q1", q3: "result_q3", min: "result_min", max: "result_max" } as const;
    const summary: Parameters<typeof meanSdFromMedian>[0] = { n, median };
    for (const [key, fieldId] of Object.entries(parts)) {
      const v = num(row.get(fieldId));
      if (v !== undefined) {
        summary[key as keyof typeof parts] = v;
        used(fieldId);
      }
    }
    used("result_median");
    try {
      const estimate = meanSdFromMedian(summary);
      if (mean === undefined) {
        converted("m", estimate.mean);
        mean = estimate.mean.value;
      }
      if (sd === undefined) {
        converted("sd", estimate.sd);
        sd = estimate.sd.value;
      }
    } catch {
      throw new Skip(`${row.arm}: a median needs its range or interquartile range`);
    }
  }
  if (mean === undefined || sd === undefined)
    throw new Skip(`${row.arm}: no mean and SD, SE, CI or median to work from`);
  if (change && row.get("result_measure") !== "change_from_baseline") {
    if (!baseline) throw new Skip(`${row.arm}: reported as a final value, with no baseline row to make a change of`);
    const b = continuousArm(baseline, input, note, undefined, undefined);
    const c = changeSd(b.sd, sd, change.correlation);
    converted("sd", c);
    note.conversions.push({
      value: mean - b.mean,
      estimated: false,
      method: "change = final mean − baseline mean",
      input: `m${input}`,
      arm: row.arm,
    });
    return { mean: mean - b.mean, sd: c.value, n };
  }
  return { mean, sd, n };
}

function binaryArm(row: Row, note: { sources: Source[] }) {
  const events = num(row.get("result_events"));
  const total = num(row.get("result_total"));
  if (events === undefined || total === undefined) throw new Skip(`${row.arm}: events or total is missing`);
  note.sources.push(
    { instanceKey: row.instanceKey, fieldId: "result_events", arm: row.arm },
    { instanceKey: row.instanceKey, fieldId: "result_total", arm: row.arm },
  );
  return { events, n: total };
}

function combined<T>(arms: T[], combine: (x: T, y: T) => T): T {
  return arms.slice(1).reduce(combine, arms[0]!);
}

function readOne(s: ConsensusStudy, sel: ResultSelection): ReadStudy {
  const base = { studyId: s.studyId, label: s.label };
  const all = rowsOf(s).filter((r) => r.get("result_outcome") === sel.outcome.id);
  const rows = all.filter((r) => atTime(r, sel.time));
  if (rows.length === 0)
    return { ...base, included: false, reason: "no result row for this outcome at this time point" };
  const note = { sources: [] as Source[], conversions: [] as Conversion[] };
  const byRole = (role: ArmRole) => rows.filter((r) => r.role === role);
  const baselineOf = (row: Row) =>
    all.find(
      (r) =>
        r.armKey === row.armKey && (r.get("time_point_value") as { value: number } | null)?.value === 0 && r !== row,
    );
  const combinedNote = (role: string, group: Row[]) => {
    if (group.length > 1)
      note.conversions.push({
        value: group.length,
        estimated: false,
        method: `arms combined (Handbook 6.5.2.10): ${group.map((r) => r.arm).join(" + ")}`,
        input: role,
        arm: group.map((r) => r.arm).join(" + "),
      });
  };
  try {
    let data: StudyData;
    const type = sel.outcome.type;
    if (type === "single_group") {
      const row = rows[0]!;
      if (rows.length > 1) throw new Skip("several arms report this outcome: a single-group analysis takes one");
      if (num(row.get("result_events")) !== undefined) {
        const arm = binaryArm(row, note);
        data = { kind: "single-binary", events: arm.events, n: arm.n };
      } else {
        const arm = continuousArm(row, "", note, baselineOf(row), sel.change);
        data = { kind: "single-continuous", m: arm.mean, sd: arm.sd, n: arm.n };
      }
    } else if (type === "time_to_event") {
      const rowsHr = byRole(sel.comparison.group1);
      if (rowsHr.length !== 1)
        throw new Skip(`a hazard ratio needs one ${sel.comparison.group1} row; found ${rowsHr.length}`);
      const row = rowsHr[0]!;
      const reference = String(row.get("result_reference_arm") ?? "");
      const refRole = roleOfArm(s, reference);
      if (refRole !== sel.comparison.group2)
        throw new Skip(`the hazard ratio's reference arm is not a ${sel.comparison.group2} arm`);
      const used = (fieldId: string) => note.sources.push({ instanceKey: row.instanceKey, fieldId, arm: row.arm });
      const hr = num(row.get("result_hr"));
      const logHr = num(row.get("result_log_hr"));
      const yi = logHr ?? (hr !== undefined ? Math.log(hr) : undefined);
      if (yi === undefined) throw new Skip(`${row.arm}: no hazard ratio`);
      used(logHr !== undefined ? "result_log_hr" : "result_hr");
      if (logHr === undefined)
        note.conversions.push({ value: yi, estimated: false, method: "ln(HR)", input: "yi", arm: row.arm });
      let sei = num(row.get("result_se"));
      if (sei !== undefined) used("result_se");
      else {
        const lower = num(row.get("result_ci_lower"));
        const upper = num(row.get("result_ci_upper"));
        if (lower === undefined || upper === undefined) throw new Skip(`${row.arm}: no SE or CI for the hazard ratio`);
        used("result_ci_lower");
        used("result_ci_upper");
        const level = (row.get("result_ci_level") as { value: number } | null)?.value ?? 95;
        const c = logSeFromRatioCi(lower, upper, level / 100);
        note.conversions.push({ ...c, input: "sei", arm: row.arm });
        sei = c.value;
      }
      data = { kind: "generic", yi, sei };
    } else {
      const g1 = byRole(sel.comparison.group1);
      const g2 = byRole(sel.comparison.group2);
      if (g1.length === 0 || g2.length === 0)
        throw new Skip(
          `no ${g1.length === 0 ? sel.comparison.group1 : sel.comparison.group2} arm reports this outcome here`,
        );
      combinedNote("group 1", g1);
      combinedNote("group 2", g2);
      if (type === "binary") {
        const a = combined(
          g1.map((r) => binaryArm(r, note)),
          combineBinaryArms,
        );
        const b = combined(
          g2.map((r) => binaryArm(r, note)),
          combineBinaryArms,
        );
        data = { kind: "binary", events1: a.events, n1: a.n, events2: b.events, n2: b.n };
      } else {
        const a = combined(
          g1.map((r) => continuousArm(r, "1", note, baselineOf(r), sel.change)),
          combineContinuousArms,
        );
        const b = combined(
          g2.map((r) => continuousArm(r, "2", note, baselineOf(r), sel.change)),
          combineContinuousArms,
        );
        data = { kind: "continuous", m1: a.mean, sd1: a.sd, n1: a.n, m2: b.mean, sd2: b.sd, n2: b.n };
      }
    }
    return { ...base, included: true, study: { label: s.label, data }, ...note };
  } catch (err) {
    if (err instanceof Skip) return { ...base, included: false, reason: err.message };
    throw err;
  }
}

function roleOfArm(s: ConsensusStudy, armKey: string): ArmRole | null {
  const role = s.values.find((v) => v.fieldId.endsWith("_role") && v.instanceKey === armKey)?.value;
  return (role as ArmRole | undefined) ?? null;
}

/** Each study read for the selection, included with its engine input or left out with the reason. */
export function readResults(studies: readonly ConsensusStudy[], selection: ResultSelection): ReadStudy[] {
  return studies.map((s) => readOne(s, selection));
}
