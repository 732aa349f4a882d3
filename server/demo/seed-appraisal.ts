// The demo's studies and appraisals: four papers and a registry entry through both screening stages, grouped
// into studies (one registry entry left for the grouping suggestion), a randomised trial and an animal study
// appraised by both demo reviewers with a recorded consensus, and a phase 1/2 study whose validity-of-conclusions
// appraisals wait for the lead's consensus.

import type { AppraisalAnswers } from "../appraisal/answers";
import { completeAppraisal, saveAppraisal, startAppraisal } from "../appraisal/appraisal-records";
import { startConsensus } from "../appraisal/consensus";
import { toolDefinition } from "../appraisal/tools";
import type { ToolName } from "../appraisal/tools/types";
import type { Db } from "../db/client";
import { TEMPLATE_OUTCOMES } from "../extraction/templates/template-outcomes";
import { addTemplateOutcomes } from "../outcomes/review-outcomes";
import { recordDecision } from "../screening/decide";
import type { MemberScope } from "../shared/actor";
import type { Design } from "../studies/designs";
import { createStudy, setStudyDesign } from "../studies/grouping";

const PETROU = "10.1001/jamaneurol.2015.4321";
const BERRY = "10.1212/wnl.0000000000008620";
const XU = "10.1097/01.tp.0000235532.00920.7a";
const SUZUKI = "10.1038/mt.2008.197";

const ROB2_BERRY: Record<string, string> = {
  "1.1": "Y",
  "1.2": "PY",
  "1.3": "N",
  "2.1": "N",
  "2.2": "N",
  "2.6": "Y",
  "3.1": "PY",
  "4.1": "N",
  "4.2": "N",
  "4.3": "N",
  "5.1": "PY",
  "5.2": "PN",
  "5.3": "PN",
};

const SYRCLE_XU: Record<string, string> = {
  "S1.1": "unclear",
  "S2.1": "yes",
  "S3.1": "unclear",
  "S4.1": "unclear",
  "S5.1": "no",
  "S6.1": "unclear",
  "S7.1": "yes",
  "S8.1": "unclear",
  "S9.1": "yes",
  "S10.1": "yes",
};

const VALIDITY_PETROU: Record<string, string> = {
  "V1.1": "efficacy",
  "V1.2": "N",
  "V1.3": "NA",
  "V1.4": "N",
  "V2.1": "Y",
  "V2.2": "Y",
  "V2.3": "N",
  "V3.1": "PY",
  "V3.2": "N",
  "V3.3": "N",
  "V3.4": "NI",
  "V3.5": "NI",
};

async function includeAtFullText(
  db: Db,
  reviewId: string,
  reviewerIds: string[],
  recordId: string,
  doi: string | null,
) {
  for (const reviewerId of reviewerIds)
    await recordDecision(
      db,
      { reviewId, actorId: reviewerId },
      { recordId, stage: "title_abstract", verdict: "include" },
    );
  await db.report.update({
    where: { recordId },
    data: { retrievalStatus: "retrieved", url: doi ? `https://doi.org/${doi}` : null },
  });
  for (const reviewerId of reviewerIds)
    await recordDecision(db, { reviewId, actorId: reviewerId }, { recordId, stage: "full_text", verdict: "include" });
  return db.report.findUniqueOrThrow({ where: { recordId } });
}

type Result = { outcomeId: string; timePoint: string } | undefined;

async function appraise(
  db: Db,
  scope: MemberScope,
  studyId: string,
  tool: ToolName,
  answers: AppraisalAnswers,
  result?: Result,
) {
  const { id } = await startAppraisal(db, scope, { studyId, tool, result });
  const saved = await saveAppraisal(db, scope, {
    appraisalId: id,
    version: 0,
    toolVersion: toolDefinition(tool).version,
    answers,
  });
  await completeAppraisal(db, scope, { appraisalId: id, version: saved.version });
}

async function recordConsensus(
  db: Db,
  scope: MemberScope,
  studyId: string,
  tool: ToolName,
  answers: AppraisalAnswers,
  result?: Result,
) {
  const { id } = await startConsensus(db, scope, { studyId, tool, result });
  const row = await db.appraisal.findUniqueOrThrow({ where: { id } });
  const saved = await saveAppraisal(db, scope, {
    appraisalId: id,
    version: row.version,
    toolVersion: toolDefinition(tool).version,
    answers,
  });
  await completeAppraisal(db, scope, { appraisalId: id, version: saved.version });
}

export async function seedDemoAppraisal(
  db: Db,
  reviewId: string,
  leadId: string,
  reviewerIds: string[],
): Promise<void> {
  const records = await db.record.findMany({
    where: {
      reviewId,
      duplicateOfId: null,
      OR: [
        { doi: { in: [PETROU, BERRY, XU, SUZUKI] } },
        { nctIds: { has: "NCT01051882" }, authors: { isEmpty: true } },
      ],
    },
  });
  const byDoi = (doi: string) => records.find((r) => r.doi === doi);
  const registry = records.find((r) => r.doi === null);
  const reports = new Map<string, string>();
  for (const record of records)
    reports.set(
      record.doi ?? "registry",
      (await includeAtFullText(db, reviewId, reviewerIds, record.id, record.doi)).id,
    );
  if (!byDoi(PETROU) || !byDoi(BERRY) || !byDoi(XU) || !registry) return;

  const lead = { reviewId, actorId: leadId, role: "owner" as const };
  const [r1, r2] = reviewerIds.map((actorId) => ({ reviewId, actorId, role: "reviewer" as const }));
  const study = async (doi: string, design: Design) => {
    const made = await createStudy(db, lead, { reportIds: [reports.get(doi)!] });
    await setStudyDesign(db, lead, { studyId: made.id, design });
    return made.id;
  };
  const petrou = await study(PETROU, "single_arm");
  const berry = await study(BERRY, "rct");
  const xu = await study(XU, "animal");

  const answers = (responses: Record<string, string>, support: Record<string, string> = {}): AppraisalAnswers => ({
    responses,
    support,
    overrides: {},
  });
  // RoB 2 judges a result: the trial's responder analysis at week 24. The clinical template's outcomes are put on
  // the review's list now, in the template's order, so the extraction form made later adds none twice.
  await db.$transaction((tx) => addTemplateOutcomes(tx, lead, TEMPLATE_OUTCOMES.als_clinical));
  const responders = await db.reviewOutcome.findFirst({ where: { reviewId, name: "ALSFRS-R responders" } });
  const week24: Result = responders ? { outcomeId: responders.id, timePoint: "week 24" } : undefined;
  await appraise(
    db,
    r1!,
    berry,
    "rob2",
    answers(ROB2_BERRY, { D1: "Participants were randomised 3:1 by a central system." }),
    week24,
  );
  await appraise(db, r2!, berry, "rob2", answers({ ...ROB2_BERRY, "1.2": "NI", "5.1": "N" }), week24);
  await recordConsensus(
    db,
    lead,
    berry,
    "rob2",
    {
      ...answers(ROB2_BERRY, { D1: "Central randomisation, 3:1, stratified by site." }),
      overrides: {
        D5: {
          judgement: "some_concerns",
          reason: "Several ALSFRS-R responder definitions were reported; only one was pre-specified.",
        },
      },
    },
    week24,
  );

  await appraise(db, r1!, xu, "syrcle", answers(SYRCLE_XU, { S5: "Surgeons knew which rats received grafts." }));
  await appraise(db, r2!, xu, "syrcle", answers({ ...SYRCLE_XU, "S7.1": "unclear" }));
  await recordConsensus(
    db,
    lead,
    xu,
    "syrcle",
    answers(SYRCLE_XU, { S7: "Motor scores were rated by an observer unaware of group." }),
  );

  const quote = {
    V1: '"…a slower decline in ALSFRS-R … after transplantation" — against a 3-month run-in, no control group.',
  };
  await appraise(db, r1!, petrou, "validity_of_conclusions", answers(VALIDITY_PETROU, quote));
  await appraise(
    db,
    r2!,
    petrou,
    "validity_of_conclusions",
    answers({ ...VALIDITY_PETROU, "V2.3": "NA", "V2.2": "N" }, quote),
  );
}
