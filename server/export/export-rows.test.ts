import { describe, expect, it } from "vitest";
import {
  AGREEMENT_COLUMNS,
  agreementRows,
  CONFLICT_COLUMNS,
  conflictRow,
  DECISION_LOG_COLUMNS,
  decisionLogRow,
} from "./log-rows";
import { RECORD_COLUMNS, type RecordForExport, recordRis, recordRow } from "./record-rows";

const at = new Date("2026-11-24T09:00:00Z");
const reasons = new Map([["r1", "Wrong population"]]);
const titles = new Map([["rec1", "MSC in ALS"]]);
const pick = (columns: readonly string[], row: unknown[]) => Object.fromEntries(columns.map((c, i) => [c, row[i]]));

describe("decision log rows", () => {
  it("a change shows the new and the previous decision, with reason labels", () => {
    const row = decisionLogRow(
      {
        createdAt: at,
        action: "decision.changed",
        entityId: "rec1",
        actor: { name: "Ana", email: "ana@x.org" },
        data: {
          stage: "title_abstract",
          verdict: "exclude",
          reasonId: "r1",
          note: "",
          from: { verdict: "maybe", reasonId: null, note: "unsure" },
        },
      },
      titles,
      reasons,
    );
    expect(pick(DECISION_LOG_COLUMNS, row)).toEqual({
      time: at,
      action: "decision.changed",
      stage: "title_abstract",
      record_id: "rec1",
      title: "MSC in ALS",
      person: "Ana",
      email: "ana@x.org",
      verdict: "exclude",
      exclusion_reason: "Wrong population",
      note: "",
      previous_verdict: "maybe",
      previous_exclusion_reason: "",
      previous_note: "unsure",
    });
  });

  it("a resolution names the record from its data, and an unknown actor leaves the person empty", () => {
    const row = decisionLogRow(
      {
        createdAt: at,
        action: "conflict.resolved",
        entityId: "conf1",
        actor: null,
        data: { recordId: "rec1", verdict: "include" },
      },
      titles,
      reasons,
    );
    expect(pick(DECISION_LOG_COLUMNS, row)).toMatchObject({
      record_id: "rec1",
      title: "MSC in ALS",
      person: "",
      verdict: "include",
    });
  });
});

describe("conflict and agreement rows", () => {
  it("lists every side of a conflict on its own line", () => {
    const row = conflictRow({
      recordId: "rec1",
      title: "MSC in ALS",
      stage: "full_text",
      status: "resolved",
      createdAt: at,
      verdict: "exclude",
      reason: "Wrong population",
      note: "n",
      resolvedBy: "Lee",
      resolvedAt: at,
      decisions: [
        { reviewer: "Ana", verdict: "include", reason: null, note: "" },
        { reviewer: "Bo", verdict: "exclude", reason: "Wrong population", note: "mice" },
      ],
    });
    expect(pick(CONFLICT_COLUMNS, row)).toMatchObject({
      decisions: "Ana: include\nBo: exclude (Wrong population) — mice",
      resolution: "exclude",
      resolved_by: "Lee",
    });
  });

  it("one row per pair and one for Fleiss' kappa, rounded for reading", () => {
    const rows = agreementRows([
      {
        stage: "title_abstract",
        pairs: [
          {
            reviewers: [{ name: "Ana" }, { name: "Bo" }],
            records: 40,
            kappa: 0.61234,
            interpretation: "substantial",
            percentAgreement: 0.825,
          },
        ],
        fleiss: { kappa: 0.5, interpretation: "moderate", records: 10, raters: 3 },
      },
      { stage: "full_text", pairs: [], fleiss: null },
    ]);
    expect(rows.map((r) => pick(AGREEMENT_COLUMNS, r))).toEqual([
      {
        stage: "title_abstract",
        statistic: "Cohen's kappa",
        reviewers: "Ana & Bo",
        records: 40,
        kappa: 0.612,
        interpretation: "substantial",
        percent_agreement: 82.5,
      },
      {
        stage: "title_abstract",
        statistic: "Fleiss' kappa",
        reviewers: "3 per record",
        records: 10,
        kappa: 0.5,
        interpretation: "moderate",
        percent_agreement: null,
      },
    ]);
  });
});

describe("record rows", () => {
  const record: RecordForExport = {
    id: "rec1",
    source: "PubMed",
    title: "MSC in ALS",
    abstract: "",
    authors: ["A, B", "C, D"],
    year: 2020,
    journal: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    pmid: null,
    pmcid: null,
    nctIds: ["NCT1", "NCT2"],
    keywords: [],
    type: null,
    language: null,
    url: null,
    labels: [],
    teamNotes: [],
  };
  it("joins lists and leaves the decision empty when there is none to show", () => {
    const row = pick(
      RECORD_COLUMNS,
      recordRow(record, { status: null, reason: null, settledAt: null, settledBy: null, note: "" }),
    );
    expect(row).toMatchObject({ authors: "A, B; C, D", nct_ids: "NCT1; NCT2", decision: "", decided_by: null });
  });
  it("keeps the record type as the source gave it and names it in words beside it", () => {
    const none = { status: null, reason: null, settledAt: null, settledBy: null, note: "" };
    expect(pick(RECORD_COLUMNS, recordRow({ ...record, type: "INPR" }, none))).toMatchObject({
      type: "INPR",
      type_label: "Article in press",
    });
    expect(pick(RECORD_COLUMNS, recordRow(record, none))).toMatchObject({ type: null, type_label: null });
  });
  it("puts the outcome in the RIS note only when there is one", () => {
    expect(
      recordRis(record, "full_text", {
        status: "excluded",
        reason: "Wrong population",
        settledAt: at,
        settledBy: "agreement",
        note: "",
      }).notes,
    ).toEqual(["Sift full text: excluded (Wrong population)"]);
    expect(
      recordRis(record, "title_abstract", { status: null, reason: null, settledAt: null, settledBy: null, note: "" })
        .notes,
    ).toEqual([]);
  });
  it("carries the team's labels and notes, in the CSV and as RIS notes", () => {
    const annotated = {
      ...record,
      labels: ["Animal study", "Ask Ana"],
      teamNotes: [{ author: "Ana Souza", at: new Date("2026-12-07T10:00:00Z"), text: "Check the dose" }],
    };
    const none = { status: null, reason: null, settledAt: null, settledBy: null, note: "" };
    expect(pick(RECORD_COLUMNS, recordRow(annotated, none))).toMatchObject({
      labels: "Animal study; Ask Ana",
      team_notes: "Ana Souza, 2026-12-07: Check the dose",
    });
    const ris = recordRis(annotated, "title_abstract", none);
    expect(ris.notes).toEqual([
      "Sift labels: Animal study; Ask Ana",
      "Sift team note: Ana Souza, 2026-12-07: Check the dose",
    ]);
    expect(ris).not.toHaveProperty("labels");
  });
});
