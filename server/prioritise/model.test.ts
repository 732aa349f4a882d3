import { describe, expect, it } from "vitest";
import { doubleBalance, ratioBalanced } from "./balance";
import { ASREVIEW_V1_RECIPE, buildFeatures, ELAS_U4_RECIPE, SIFT_RECIPE, tokenize } from "./features";
import { createRanker } from "./model";
import { trainNaiveBayes } from "./naive-bayes";
import { seededRandom } from "./random";
import { figures, simulate } from "./simulate";

const records = [
  {
    title: "Stem cells in ALS mice",
    abstract: "Mesenchymal stem cells delayed onset in SOD1 mice.",
    keywords: ["ALS"],
  },
  {
    title: "Stem cell transplant for ALS",
    abstract: "Neural stem cells prolonged survival in SOD1 rats.",
    keywords: ["ALS"],
  },
  { title: "Diet and heart disease", abstract: "A cohort of adults eating less salt had fewer strokes.", keywords: [] },
  { title: "Salt intake and blood pressure", abstract: "Lower salt lowered blood pressure in adults.", keywords: [] },
  {
    title: "Stem cells in SOD1 mice with ALS",
    abstract: "Bone marrow cells improved motor function.",
    keywords: ["ALS"],
  },
  { title: "Exercise and blood pressure", abstract: "Adults who walked had lower pressure.", keywords: [] },
];
const truth = Uint8Array.from([1, 1, 0, 0, 1, 0]);

describe("features", () => {
  it("tokenises like scikit-learn: lower case, two or more word characters, English stop words dropped", () => {
    expect(tokenize("The SOD1-G93A mice, a model of ALS")).toEqual(["sod1", "g93a", "mice", "model", "als"]);
  });

  it("builds L2-normalised rows; Sift's recipe adds bigrams and keyword terms", () => {
    const reference = buildFeatures(records, ASREVIEW_V1_RECIPE);
    const sift = buildFeatures(records, SIFT_RECIPE);
    for (const row of [...reference.rows, ...sift.rows]) {
      // Weights are stored in single precision.
      expect(row.val.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 6);
    }
    expect(sift.terms).toBeGreaterThan(reference.terms);
  });

  it("gives rarer terms more weight (smoothed IDF)", () => {
    const { rows } = buildFeatures(
      [
        { title: "common rare", abstract: "" },
        { title: "common", abstract: "" },
      ],
      ASREVIEW_V1_RECIPE,
    );
    // Ids in order of first appearance: common = 0, rare = 1; idf(common) = 1, idf(rare) = ln(3/2) + 1.
    expect(rows[0]!.val[1]! / rows[0]!.val[0]!).toBeCloseTo(Math.log(1.5) + 1, 6);
  });
});

describe("ELAS u4 features", () => {
  it("keeps stop words, adds bigrams and drops terms in more than 95 % of the records", () => {
    const texts = Array.from({ length: 20 }, (_, i) => ({
      title: `the trial ${i < 19 ? "of" : ""} drug${i}`,
      abstract: "",
    }));
    // ELAS u4: "the", "trial" and "the trial" are in all 20 records (> 95 %) and go; "of" and "trial of" are in 19
    // (= 95 %) and stay, with drug0–drug19, "of drug0"–"of drug18" and "trial drug19": 42 terms.
    expect(buildFeatures(texts, ELAS_U4_RECIPE).terms).toBe(42);
    // ASReview v1: stop words "the" and "of" go before anything else, leaving "trial" and the 20 drugs.
    expect(buildFeatures(texts, ASREVIEW_V1_RECIPE).terms).toBe(21);
  });
});

describe("ELAS u4 balance", () => {
  it("weighs an include 9.8 times the excludes' share and rescales the weights to sum to the set's size", () => {
    const rows = buildFeatures(records, ASREVIEW_V1_RECIPE).rows;
    const labels = new Map<number, 0 | 1>([
      [0, 1],
      [2, 0],
      [3, 0],
      [5, 0],
    ]);
    const set = ratioBalanced(rows, labels, 9.8);
    expect(set.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(4, 12);
    const one = set.weights[set.labels.indexOf(1)]!;
    const zero = set.weights[set.labels.indexOf(0)]!;
    // sklearn's compute_sample_weight({1: 1, 0: 1 / (9.8 · 3)}): an exclusion weighs 1 / 29.4 of an include.
    expect(one / zero).toBeCloseTo(29.4, 10);
  });
});

describe("naive Bayes", () => {
  it("matches hand-computed log-odds on one-term documents", () => {
    const rows = [0, 0, 1].map((j) => ({ idx: Int32Array.from([j]), val: Float32Array.from([1]) }));
    const score = trainNaiveBayes(
      {
        rowIds: Int32Array.from([0, 1, 2]),
        rows,
        labels: Uint8Array.from([1, 1, 0]),
        weights: Float64Array.from([1, 1, 1]),
      },
      { columns: 2, terms: 2 },
      1,
    );
    // P(t0|1) = 3/4, P(t0|0) = 1/3, prior odds 2/1.
    expect(score(rows[0]!)).toBeCloseTo(Math.log(2) + Math.log(3 / 4) - Math.log(1 / 3), 12);
  });
});

describe("double balance", () => {
  it("keeps the training set's size and oversamples the rarer inclusions", () => {
    const rows = buildFeatures(records, ASREVIEW_V1_RECIPE).rows;
    const labels = new Map<number, 0 | 1>([
      [0, 1],
      [2, 0],
      [3, 0],
      [5, 0],
    ]);
    const set = doubleBalance(rows, labels, seededRandom(1));
    expect(set.weights.reduce((s, w) => s + w, 0)).toBe(4);
    const ones = set.weights.filter((_, i) => set.labels[i] === 1).reduce((s, w) => s + w, 0);
    expect(ones).toBeGreaterThan(1);
  });
});

describe("ranking and simulation", () => {
  it.each(["sift", "asreview-v1-default", "elas-u4"] as const)(
    "%s ranks the unlabelled ALS record above the blood-pressure one",
    (name) => {
      const ranker = createRanker(name, records);
      const scores = ranker.score(
        new Map<number, 0 | 1>([
          [0, 1],
          [1, 1],
          [2, 0],
          [3, 0],
        ]),
        seededRandom(3),
      );
      expect(scores[4]!).toBeGreaterThan(scores[5]!);
    },
  );

  it("with batches, screens several records per retraining in ranking order and still finds every include", () => {
    const n = 400;
    const truthLarge = Uint8Array.from({ length: n }, (_, i) => (i % 40 === 0 ? 1 : 0));
    let retrainings = 0;
    // A ranker that knows the answer: includes first, then by record order.
    const oracle = {
      features: { rows: [], columns: 0, terms: 0 },
      score: () => {
        retrainings++;
        return Float64Array.from(truthLarge, (y, i) => y * n - i);
      },
    };
    const single = simulate(oracle, truthLarge, 3);
    const singleRetrainings = retrainings;
    retrainings = 0;
    const batched = simulate(oracle, truthLarge, 3, 50);
    expect(batched.order).toEqual(single.order);
    expect(batched.order.filter((i) => truthLarge[i])).toHaveLength(9);
    expect(retrainings).toBeLessThan(singleRetrainings);
  });

  it("finds every include and reports perfect figures when the ranking is perfect", () => {
    const result = simulate(createRanker("sift", records), truth, 7);
    expect(result.priors).toHaveLength(2);
    const found = result.order.filter((i) => truth[i]).length;
    expect(found).toBe(2);
    const f = figures({ priors: [0, 2], order: [1, 4] }, truth);
    expect(f.screenedFor95).toBe(2);
    expect(f.wss100).toBeCloseTo(50, 10); // 4 records after priors, 2 screened, recall 100 %
    expect(f.wss95).toBeCloseTo(45, 10);
  });
});
