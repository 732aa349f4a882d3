// A calibration round's agreement, from every participant's verdict on every record: Cohen's kappa for each pair
// of participants, Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters",
// Psychological Bulletin 76(5):378–382) over the records all of them decided when there are three or more, and
// the share of those records on which everyone chose the same verdict. The round's headline kappa is Cohen's for
// two participants and Fleiss' for more, the statistic the team's target is set against.

import {
  cohensKappa,
  contingencyTable,
  fleissCounts,
  fleissKappa,
  interpretKappa,
  percentAgreement,
} from "../screening/agreement";

export const ROUND_VERDICTS = ["include", "exclude", "maybe"] as const;
export type RoundVerdict = (typeof ROUND_VERDICTS)[number];

/** votes.get(recordId).get(participantId) = that participant's verdict on it. */
export type RoundVotes = ReadonlyMap<string, ReadonlyMap<string, RoundVerdict>>;

export interface RoundAgreement {
  pairs: { a: string; b: string; records: number; kappa: number | null; percentAgreement: number | null }[];
  /** Over the records every participant decided; null with fewer than three participants. */
  fleiss: { kappa: number | null; records: number } | null;
  /** The share of records every participant decided on which all chose the same verdict. */
  percentAgreement: number | null;
  /** Cohen's for two participants, Fleiss' for three or more. */
  kappa: number | null;
  interpretation: string;
  /** Records every participant decided. */
  complete: number;
}

export function roundAgreement(participants: readonly string[], votes: RoundVotes): RoundAgreement {
  const pairs: RoundAgreement["pairs"] = [];
  for (let i = 0; i < participants.length; i++) {
    for (let j = i + 1; j < participants.length; j++) {
      const [a, b] = [participants[i]!, participants[j]!];
      const both: [string, string][] = [];
      for (const byRecord of votes.values()) {
        const [va, vb] = [byRecord.get(a), byRecord.get(b)];
        if (va && vb) both.push([va, vb]);
      }
      const table = contingencyTable(both, ROUND_VERDICTS);
      pairs.push({
        a,
        b,
        records: both.length,
        kappa: both.length ? cohensKappa(table) : null,
        percentAgreement: percentAgreement(table),
      });
    }
  }
  const complete = [...votes.values()]
    .filter((byRecord) => participants.every((p) => byRecord.has(p)))
    .map((byRecord) => participants.map((p) => byRecord.get(p)!));
  const fleiss =
    participants.length >= 3
      ? {
          kappa: complete.length ? fleissKappa(fleissCounts(complete, ROUND_VERDICTS)) : null,
          records: complete.length,
        }
      : null;
  const unanimous = complete.filter((verdicts) => verdicts.every((v) => v === verdicts[0])).length;
  const kappa = fleiss ? fleiss.kappa : (pairs[0]?.kappa ?? null);
  return {
    pairs,
    fleiss,
    percentAgreement: complete.length ? unanimous / complete.length : null,
    kappa,
    interpretation: interpretKappa(kappa),
    complete: complete.length,
  };
}

/** Whether the participants split on a record: not all of them gave the same verdict. */
export function isSplit(verdicts: readonly RoundVerdict[]): boolean {
  return verdicts.some((v) => v !== verdicts[0]);
}
