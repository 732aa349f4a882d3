import { describe, expect, it } from "vitest";
import type { SparseRow } from "./features";
import { trainLinearSvm } from "./linear-svm";
import type { TrainingSet } from "./naive-bayes";
import { seededRandom } from "./random";

const dense = (values: number[]): SparseRow => ({
  idx: Int32Array.from(values.keys()),
  val: Float32Array.from(values),
});

function set(points: number[][], labels: number[], weights?: number[]): TrainingSet {
  return {
    rowIds: Int32Array.from(points.keys()),
    rows: points.map(dense),
    labels: Uint8Array.from(labels),
    weights: Float64Array.from(weights ?? labels.map(() => 1)),
  };
}

const options = (C: number) => ({ C, tol: 1e-10, maxIter: 10_000 });

/** The primal objective liblinear minimises: ½‖(w, b)‖² + Σ C·wᵢ·max(0, 1 − yᵢ(w·xᵢ + b))². */
function primal(s: TrainingSet, C: number, w: Float64Array, b: number): number {
  let value = 0.5 * (w.reduce((t, x) => t + x * x, 0) + b * b);
  s.rows.forEach((row, i) => {
    let margin = b;
    for (let k = 0; k < row.idx.length; k++) margin += w[row.idx[k]!]! * row.val[k]!;
    const y = s.labels[i] ? 1 : -1;
    value += C * s.weights[i]! * Math.max(0, 1 - y * margin) ** 2;
  });
  return value;
}

/** Noisy two-class data in 5 dimensions whose classes overlap. */
function overlapping(n: number, seed: number) {
  const random = seededRandom(seed);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = i % 3 === 0 ? 1 : 0;
    points.push(Array.from({ length: 5 }, (_, j) => (j === 0 ? (y ? 0.5 : -0.5) : 0) + (random() - 0.5) * 2));
    labels.push(y);
  }
  return set(points, labels);
}

describe("linear SVM (squared hinge, dual coordinate descent)", () => {
  it("matches the closed-form solution of a symmetric two-point problem, w = 4C / (1 + 4C), b = 0", () => {
    for (const C of [0.11, 1, 15.4]) {
      const svm = trainLinearSvm(set([[1], [-1]], [1, 0]), 1, options(C), seededRandom(1));
      expect(svm.w[0]).toBeCloseTo((4 * C) / (1 + 4 * C), 8);
      expect(svm.bias).toBeCloseTo(0, 8);
    }
  });

  it("separates separable data with every margin at least 1 when C is large", () => {
    const points = [
      [2, 1],
      [3, 2],
      [2.5, 3],
      [-2, -1],
      [-3, 0],
      [-1.5, -2],
    ];
    const s = set(points, [1, 1, 1, 0, 0, 0]);
    const svm = trainLinearSvm(s, 2, options(1e4), seededRandom(2));
    s.rows.forEach((row, i) => {
      expect((s.labels[i] ? 1 : -1) * svm.score(row)).toBeGreaterThan(1 - 1e-3);
    });
  });

  it("reaches the primal optimum on overlapping classes: no small step in any direction lowers the objective", () => {
    const s = overlapping(60, 3);
    const C = 0.11;
    const svm = trainLinearSvm(s, 5, options(C), seededRandom(4));
    const best = primal(s, C, svm.w, svm.bias);
    const random = seededRandom(5);
    for (let trial = 0; trial < 50; trial++) {
      const w = svm.w.map((x) => x + (random() - 0.5) * 1e-3);
      const b = svm.bias + (random() - 0.5) * 1e-3;
      expect(primal(s, C, w, b)).toBeGreaterThanOrEqual(best - 1e-12);
    }
    // Some rows are misclassified: the data are not separable, so a finite C trades margin for errors.
    expect(s.rows.some((row, i) => (s.labels[i] ? 1 : -1) * svm.score(row) < 0)).toBe(true);
  });

  it("treats a sample weight of 2 as the row given twice", () => {
    const weighted = set(
      [
        [1, 0],
        [0.2, 1],
        [-1, 0.3],
      ],
      [1, 0, 0],
      [2, 1, 1],
    );
    const repeated = set(
      [
        [1, 0],
        [1, 0],
        [0.2, 1],
        [-1, 0.3],
      ],
      [1, 1, 0, 0],
    );
    const a = trainLinearSvm(weighted, 2, options(0.5), seededRandom(6));
    const b = trainLinearSvm(repeated, 2, options(0.5), seededRandom(6));
    expect(a.w[0]).toBeCloseTo(b.w[0]!, 8);
    expect(a.w[1]).toBeCloseTo(b.w[1]!, 8);
    expect(a.bias).toBeCloseTo(b.bias, 8);
  });

  it("finds the same solution from a warm start in fewer passes", () => {
    const s = overlapping(90, 7);
    const opts = { C: 0.11, tol: 1e-6, maxIter: 10_000 };
    const alpha = new Float64Array(90);
    const cold = trainLinearSvm(s, 5, opts, seededRandom(8), { alpha, rowIds: s.rowIds });
    const warm = trainLinearSvm(s, 5, opts, seededRandom(9), { alpha, rowIds: s.rowIds });
    for (let j = 0; j < 5; j++) expect(warm.w[j]).toBeCloseTo(cold.w[j]!, 5);
    expect(warm.iterations).toBeLessThan(cold.iterations);
  });
});
