// Peto's one-step odds ratio, as metafor's rma.peto() (Cochrane Handbook ch. 10.4.4.2): log OR = Σ(O − E)/ΣV with
// variance 1/ΣV, from the uncorrected tables; Q = Σ(O − E)²/V − (Σ(O − E))²/ΣV over tables with V > 0, on as many
// degrees of freedom as there are tables with an event somewhere and a non-event somewhere, less one.
import { AppError } from "../errors/app-error";
import { chisqPValue } from "./distributions";
import { commonEffect, heterogeneityFromQ, type Pooled, sum } from "./pooled";
import type { BinaryArms } from "./types";

export function fitPeto(studies: readonly BinaryArms[], level = 0.95): Pooled {
  const rows = studies.map((s) => {
    const N = s.n1 + s.n2;
    const events = s.events1 + s.events2;
    const nonEvents = N - events;
    const expected = (events * s.n1) / N;
    const V = (events * nonEvents * (s.n1 / N) * (s.n2 / N)) / (N - 1);
    const double = (s.events1 === 0 && s.events2 === 0) || (s.events1 === s.n1 && s.events2 === s.n2);
    return { oMinusE: s.events1 - expected, V, double };
  });
  const sumV = sum(rows.map((r) => r.V));
  if (sumV === 0)
    throw new AppError(
      "INVALID_INPUT",
      "Peto's odds ratio is undefined: one of the two outcomes never occurred in any study",
    );
  const estimate = sum(rows.map((r) => r.oMinusE)) / sumV;
  const se = Math.sqrt(1 / sumV);
  const positive = rows.filter((r) => r.V > 0);
  const q = Math.max(
    0,
    sum(positive.map((r) => r.oMinusE ** 2 / r.V)) -
      sum(rows.map((r) => r.oMinusE)) ** 2 / sum(positive.map((r) => r.V)),
  );
  const qDf = rows.filter((r) => !r.double).length - 1;
  const heterogeneity =
    positive.length > 1 ? heterogeneityFromQ(q, qDf, chisqPValue(q, qDf)) : { q, qDf, qP: 1, i2: 0, h2: 1 };
  return commonEffect({ k: studies.length, estimate, se, heterogeneity, weights: rows.map((r) => r.V) }, level);
}
