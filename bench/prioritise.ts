// `npm run bench:prioritise [-- FILE.csv ...]`: the standard screening simulation on labelled sets (columns
// title, abstract, label_included; keywords if present) for Sift's ranker and two references measured in the
// same run, ASReview v1's default and ELAS u4 (ASReview v2's default), 5 seeds each (BENCH_SEEDS). All three run
// the same protocol (server/prioritise/simulate.ts): the seed picks the same one include and one exclude as prior
// knowledge, then one record is screened at a time with a retraining after each (or, with BENCH_BATCH=p, p % of
// the labelled count per retraining). One JSON line per file, then a
// summary line with Sift's mean and worst-set WSS@95 gains over each reference; figures in percent. Without files,
// the 13 shared sets in ../shared/fixtures/screening. `-- --scale 100000` times Sift's ranker on that many
// records built from the sets' texts: features, the update after a 1,000-record import, one retraining and
// re-rank (CPU seconds; the first from scratch, the next after 10 more decisions), the ranking lag p95 with 10 reviewers deciding every second, and the peak memory.
import { readdirSync } from "node:fs";
import path from "node:path";
import { SIFT_RECIPE, type TextRecord } from "../server/prioritise/features";
import { createRanker, type ModelName, siftRanker } from "../server/prioritise/model";
import { seededRandom } from "../server/prioritise/random";
import { figures, type SimulationFigures, simulate } from "../server/prioritise/simulate";
import { StageFeatures } from "../server/prioritise/stage-features";
import { readSet } from "./lib/labelled-sets";
import { percentile, printResult } from "./lib/stats";

/** The shared labelled sets beside the repository, used when no file is named. */
function defaultSets(): string[] {
  const dir = path.resolve(process.cwd(), "../shared/fixtures/screening");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .map((f) => path.join(dir, f));
}

const SEEDS = Number(process.env.BENCH_SEEDS ?? 5);
/** Decisions per retraining as a percentage of the labelled records (0: one at a time). */
const BATCH = Number(process.env.BENCH_BATCH ?? 0);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const MODELS: { name: ModelName; label: string }[] = [
  { name: "sift", label: "Sift" },
  { name: "asreview-v1-default", label: "ASReview v1 default: TF-IDF + multinomial NB (alpha 3.822), double balance" },
  {
    name: "elas-u4",
    label: "ELAS u4: 1-2-gram sublinear TF-IDF (max_df 0.95) + LinearSVC (squared hinge, C 0.11), balanced 9.8",
  },
];

export function spread(values: number[]) {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

function measure(model: ModelName, records: TextRecord[], truth: Uint8Array) {
  const started = performance.now();
  const ranker = createRanker(model, records);
  const runs: SimulationFigures[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) runs.push(figures(simulate(ranker, truth, seed, BATCH), truth));
  const mean = (key: keyof SimulationFigures) => runs.reduce((s, r) => s + r[key], 0) / runs.length;
  const wss95 = spread(runs.map((r) => r.wss95));
  return {
    wss95: round(mean("wss95")),
    wss100: round(mean("wss100")),
    rrf10: round(mean("rrf10")),
    screenedFor95: Math.round(mean("screenedFor95")),
    wss95Seeds: { sd: round(wss95.sd), min: round(wss95.min), max: round(wss95.max) },
    seconds: round((performance.now() - started) / 1000, 2),
  };
}

/**
 * Ranking lag with `reviewers` each deciding once a second and one worker retraining one reviewer's ranking at a
 * time (at most one job waiting per reviewer, as the queue's stately policy): for each decision, how many of that
 * reviewer's decisions the ranking serving it has not learnt from yet.
 */
export function rankingLag(retrainSeconds: number, reviewers: number, seconds: number): number[] {
  const made = new Array<number>(reviewers).fill(0);
  const learnt = new Array<number>(reviewers).fill(0);
  const waiting: number[] = [];
  let busyUntil = 0;
  let running: { reviewer: number; labels: number } | null = null;
  const lags: number[] = [];
  for (let tick = 0; tick < seconds * 1000; tick++) {
    const now = tick / 1000;
    if (running && now >= busyUntil) {
      learnt[running.reviewer] = running.labels;
      running = null;
    }
    if (!running && waiting.length > 0) {
      const reviewer = waiting.shift()!;
      running = { reviewer, labels: made[reviewer]! };
      busyUntil = now + retrainSeconds;
    }
    // Reviewers decide in turn, spread over the second.
    if (tick % Math.round(1000 / reviewers) === 0) {
      const reviewer = (tick / Math.round(1000 / reviewers)) % reviewers;
      lags.push(made[reviewer]! - learnt[reviewer]!);
      made[reviewer]!++;
      if (!waiting.includes(reviewer)) waiting.push(reviewer);
    }
  }
  return lags;
}

/** CPU seconds rather than wall time: the figures are per core, and the bench's machine may be shared. */
function cpuSeconds<T>(work: () => T): [T, number] {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return [result, (used.user + used.system) / 1e6];
}

function scale(files: string[], size: number) {
  const sets = files.map(readSet);
  const records: TextRecord[] = [];
  const truth = new Uint8Array(size + 1000);
  for (let i = 0; records.length < size + 1000; i++) {
    const set = sets[i % sets.length]!;
    const j = Math.floor(i / sets.length) % set.records.length;
    truth[records.length] = set.truth[j]!;
    records.push(set.records[j]!);
  }
  // As the ranking worker does (ranker-cache.ts): count every record's terms once, then after an import count the
  // new records only and weigh them all again.
  const ids = records.map((_, i) => `r${String(i).padStart(7, "0")}`);
  const texts = new Map(ids.map((id, i) => [id, records[i]!]));
  const stage = new StageFeatures(SIFT_RECIPE);
  const [features, featureSeconds] = cpuSeconds(() => stage.update(ids.slice(0, size), texts));
  const ranker = siftRanker(features);
  const [, afterImportSeconds] = cpuSeconds(() =>
    stage.update(ids, new Map(stage.missing(ids).map((id) => [id, texts.get(id)!]))),
  );
  const labels = new Map<number, 0 | 1>();
  const step = Math.floor(size / 1000);
  for (let i = 0; i < size && labels.size < 1000; i += step) labels.set(i, truth[i] as 0 | 1);
  const retrain = () => {
    const scores = ranker.score(labels, seededRandom(labels.size));
    return Int32Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  };
  const [, retrainSeconds] = cpuSeconds(retrain);
  // With reviewers deciding every second, each retraining follows a few decisions and starts from the last one's
  // solution (model.ts): that is the cost the lag depends on.
  for (let i = 1; labels.size < 1010; i += step) labels.set(i, truth[i] as 0 | 1);
  const [, nextRetrainSeconds] = cpuSeconds(retrain);
  const lags = rankingLag(nextRetrainSeconds, 10, 120);
  printResult("prioritise-scale", {
    records: size,
    featureSeconds: round(featureSeconds, 2),
    afterImportOf1000Seconds: round(afterImportSeconds, 2),
    retrainAndRerankSeconds: round(retrainSeconds, 2),
    nextRetrainAndRerankSeconds: round(nextRetrainSeconds, 2),
    rankingLagP95Decisions: percentile(lags, 95),
    // The records' texts are held by the bench as well: the worker reads them only to count new records.
    peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const scaleAt = args.indexOf("--scale");
  if (scaleAt >= 0) {
    const size = Number(args[scaleAt + 1]);
    const rest = args.filter((_, i) => i !== scaleAt && i !== scaleAt + 1);
    return scale(rest.length ? rest : defaultSets(), size);
  }
  const files = args.length ? args : defaultSets();
  const gains: Record<string, { file: string; wss95: number; rrf10: number }[]> = {};
  for (const file of files) {
    const { records, truth } = readSet(file);
    const results = Object.fromEntries(MODELS.map((m) => [m.name, measure(m.name, records, truth)]));
    const sift = results.sift!;
    for (const m of MODELS.slice(1)) {
      gains[m.name] ??= [];
      gains[m.name]!.push({
        file: path.basename(file),
        wss95: round(sift.wss95 - results[m.name]!.wss95),
        rrf10: round(sift.rrf10 - results[m.name]!.rrf10),
      });
    }
    console.log(
      JSON.stringify({
        bench: "prioritise",
        file: path.basename(file),
        records: records.length,
        includes: truth.reduce((s, y) => s + y, 0),
        seeds: SEEDS,
        batchPercent: BATCH,
        ...Object.fromEntries(
          MODELS.map((m) => [m.name, { ...(m.name === "sift" ? {} : { model: m.label }), ...results[m.name] }]),
        ),
        wss95GainOver: Object.fromEntries(
          MODELS.slice(1).map((m) => [m.name, round(sift.wss95 - results[m.name]!.wss95)]),
        ),
      }),
    );
  }
  const summary = Object.fromEntries(
    Object.entries(gains).map(([name, list]) => {
      const worst = list.reduce((a, b) => (b.wss95 < a.wss95 ? b : a));
      return [
        name,
        {
          meanWss95Gain: round(list.reduce((s, g) => s + g.wss95, 0) / list.length),
          worstSetWss95Gain: worst.wss95,
          worstSet: worst.file,
          meanRrf10Gain: round(list.reduce((s, g) => s + g.rrf10, 0) / list.length),
          worstSetRrf10Gain: Math.min(...list.map((g) => g.rrf10)),
          setsAtLeastEqualWss95: list.filter((g) => g.wss95 >= 0).length,
        },
      ];
    }),
  );
  console.log(
    JSON.stringify({
      bench: "prioritise-summary",
      sets: files.length,
      seeds: SEEDS,
      batchPercent: BATCH,
      gainsOver: summary,
    }),
  );
}

main();
