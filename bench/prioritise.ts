// `npm run bench:prioritise -- FILE.csv [...]`: the standard screening simulation on labelled sets (columns
// title, abstract, label_included; keywords if present), for Sift's ranker and ASReview's default measured in the
// same run, 5 seeds each. One JSON line per file; figures in percent, averaged over seeds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { createRanker, type ModelName } from "../server/prioritise/model";
import { figures, type SimulationFigures, simulate } from "../server/prioritise/simulate";

const SEEDS = Number(process.env.BENCH_SEEDS ?? 5);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function readSet(file: string) {
  const rows: Record<string, string>[] = parse(readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const records = rows.map((r) => ({
    title: r.title ?? "",
    abstract: r.abstract ?? "",
    keywords: (r.keywords ?? "").split(/[;,]/).filter(Boolean),
  }));
  const truth = Uint8Array.from(rows, (r) => (Number(r.label_included) === 1 ? 1 : 0));
  return { records, truth };
}

function measure(model: ModelName, records: ReturnType<typeof readSet>["records"], truth: Uint8Array) {
  const started = performance.now();
  const ranker = createRanker(model, records);
  const runs: SimulationFigures[] = [];
  const seconds: number[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const t = performance.now();
    runs.push(figures(simulate(ranker, truth, seed), truth));
    seconds.push((performance.now() - t) / 1000);
  }
  const mean = (key: keyof SimulationFigures) => runs.reduce((s, r) => s + r[key], 0) / runs.length;
  return {
    wss95: round(mean("wss95")),
    wss100: round(mean("wss100")),
    rrf10: round(mean("rrf10")),
    screenedFor95: Math.round(mean("screenedFor95")),
    wss95PerSeed: runs.map((r) => round(r.wss95)),
    secondsPerSimulation: round(seconds.reduce((s, x) => s + x, 0) / seconds.length, 2),
    seconds: round((performance.now() - started) / 1000, 2),
  };
}

const files = process.argv.slice(2).filter((a) => a !== "--");
if (files.length === 0) {
  console.error("usage: npm run bench:prioritise -- FILE.csv [...]");
  process.exit(2);
}
for (const file of files) {
  const { records, truth } = readSet(file);
  const sift = measure("sift", records, truth);
  const reference = measure("asreview-default", records, truth);
  console.log(
    JSON.stringify({
      bench: "prioritise",
      file: path.basename(file),
      records: records.length,
      includes: truth.reduce((s, y) => s + y, 0),
      seeds: SEEDS,
      sift,
      reference: { model: "TF-IDF + multinomial NB (alpha 3.822), double balance", ...reference },
      wss95Ratio: round(sift.wss95 / reference.wss95, 3),
      wss95Gain: round(sift.wss95 - reference.wss95),
    }),
  );
}
