// An R script, with its data, that reproduces an analysis in metafor: what a user downloads to check Sift's numbers,
// or to take the analysis further. It spells out every option, including those equal to metafor's defaults, so
// the script reads as a record of the method.
import { type AnalysisOptions, type ResolvedOptions, resolveOptions } from "./analyse";
import { EGGER_MIN_STUDIES } from "./egger";
import type { Study, StudyData } from "./types";

const rString = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
// JavaScript's shortest round-trip form: R reads back the same double.
const rNumber = (x: number) => (Number.isFinite(x) ? String(x) : "NA");
const column = (name: string, values: string[]) => `  ${name} = c(${values.join(", ")})`;

function dataFrame(studies: readonly Study[]): string {
  const pick = <K extends string>(key: K) =>
    studies.map((s) => rNumber((s.data as unknown as Record<K, number>)[key] ?? Number.NaN));
  const first = studies[0]?.data as StudyData;
  const cols: [string, string[]][] = [["study", studies.map((s) => rString(s.label))]];
  switch (first.kind) {
    case "continuous":
      cols.push(["m1i", pick("m1")], ["sd1i", pick("sd1")], ["n1i", pick("n1")]);
      cols.push(["m2i", pick("m2")], ["sd2i", pick("sd2")], ["n2i", pick("n2")]);
      if (studies.some((s) => s.data.kind === "continuous" && s.data.mSham !== undefined))
        cols.push([
          "msham",
          studies.map((s) => rNumber(s.data.kind === "continuous" ? (s.data.mSham ?? 0) : Number.NaN)),
        ]);
      break;
    case "binary":
      cols.push(["ai", pick("events1")], ["n1i", pick("n1")], ["ci", pick("events2")], ["n2i", pick("n2")]);
      break;
    case "generic":
      cols.push(["yi", pick("yi")], ["sei", pick("sei")]);
      break;
    case "single-binary":
      cols.push(["xi", pick("events")], ["ni", pick("n")]);
      break;
    case "single-continuous":
      cols.push(["mi", pick("m")], ["sdi", pick("sd")], ["ni", pick("n")]);
      break;
  }
  return `dat <- data.frame(\n${cols.map(([n, v]) => column(n, v)).join(",\n")}\n)`;
}

function effectSizes(o: ResolvedOptions, kind: StudyData["kind"]): string {
  if (o.measure === "NMD")
    return [
      "# Normalised mean difference (Vesterinen et al. 2014): not in metafor, so computed here.",
      "dat$msham <- if (is.null(dat$msham)) 0 else dat$msham",
      "dat$yi <- 100 * (dat$m2i - dat$m1i) / (dat$m2i - dat$msham)",
      "dat$vi <- (100 * dat$sd1i / abs(dat$m2i - dat$msham))^2 / dat$n1i + (100 * dat$sd2i / abs(dat$m2i - dat$msham))^2 / dat$n2i",
    ].join("\n");
  const vtype = o.measure === "MD" || o.measure === "ROM" ? `, vtype = ${rString(o.vtype)}` : "";
  switch (kind) {
    case "continuous":
      return `dat <- escalc(measure = ${rString(o.measure)}, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat${vtype})`;
    case "binary":
      return `dat <- escalc(measure = ${rString(o.measure)}, ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat)`;
    case "generic":
      return 'dat <- escalc(measure = "GEN", yi = yi, sei = sei, data = dat)  # log hazard ratios and their SEs';
    case "single-binary":
      return `dat <- escalc(measure = ${rString(o.measure)}, xi = xi, ni = ni, data = dat)`;
    case "single-continuous":
      return `dat <- escalc(measure = "MN", mi = mi, sdi = sdi, ni = ni, data = dat)`;
  }
}

function model(o: ResolvedOptions): string {
  const level = o.level === 0.95 ? "" : `, level = ${rNumber(o.level * 100)}`;
  switch (o.model) {
    case "random":
      return `res <- rma(yi, vi, data = dat, slab = study, method = ${rString(o.tau2Method ?? "REML")}, test = ${rString(o.ci === "hksj" ? "knha" : "z")}${level})`;
    case "fixed":
      return `res <- rma(yi, vi, data = dat, slab = study, method = "EE"${level})`;
    case "mh":
      return `res <- rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat, slab = study, measure = ${rString(o.measure)}${level})`;
    case "peto":
      return `res <- rma.peto(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = dat, slab = study${level})`;
  }
}

/** The metafor script reproducing `analyse(studies, options)`. */
export function metaforScript(studies: readonly Study[], options: AnalysisOptions, title = "Sift analysis"): string {
  const o = resolveOptions(options);
  const kind = studies[0]?.data.kind ?? "binary";
  const lines = [
    `# ${title.replace(/\n/g, " ")}`,
    "# Reproduces Sift's meta-analysis with R's metafor package: Rscript this-file.R",
    `# Measure ${o.measure}, ${o.model} model${o.tau2Method ? `, tau^2 by ${o.tau2Method}, ${o.ci === "hksj" ? "Hartung-Knapp-Sidik-Jonkman" : "Wald"} CI` : ""}.`,
    "library(metafor)",
    "",
    dataFrame(studies),
    effectSizes(o, kind),
    "",
    model(o),
    "print(res)",
  ];
  if (studies.length > 1) {
    lines.push("weights(res)");
    if (o.model === "random")
      lines.push("predict(res)  # with the prediction interval", "confint(res)  # Q-profile CI for tau^2");
    if (studies.length >= EGGER_MIN_STUDIES) lines.push('regtest(res, model = "lm")  # Egger\'s test');
  }
  return `${lines.join("\n")}\n`;
}
