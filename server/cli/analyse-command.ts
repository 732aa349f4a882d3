// `sift analyse`: one outcome's meta-analysis from a CSV, one row per study, with the engine the review screens use;
// for scripting, and for checking Sift against R (--r-script writes the metafor script that reproduces it).
import { readFile, writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import { analyse } from "../meta-analysis/analyse";
import { metaforScript } from "../meta-analysis/r-script";
import { jsonReport, textReport } from "../meta-analysis/report";
import { columnsHelp, studiesFromCsv } from "../meta-analysis/study-table";
import { CI_METHODS, MEASURES, MODELS, TAU2_METHODS, VARIANCE_TYPES } from "../meta-analysis/types";
import { CliError } from "./cli-error";

const COLUMNS_HELP = `
CSV columns (one row per study; group 1 is the intervention):
  MD, SMD, ROM, NMD  ${columnsHelp("MD")}${"\n"}                     NMD also reads m_sham (the sham/normal value; 0 if absent)
  RR, OR, RD         ${columnsHelp("RR")}
  HR                 ${columnsHelp("HR")}
  PLO, PFT           ${columnsHelp("PLO")}
  MN                 ${columnsHelp("MN")}

Figures are on the analysis scale: log for ROM, RR, OR and HR; logit for PLO; the double-arcsine for PFT.
Conventions are metafor's defaults, so R gives the same numbers (use --r-script to check).`;

export function addAnalyseCommand(cli: Command): void {
  cli
    .command("analyse")
    .alias("analyze")
    .description("meta-analyse one outcome from a CSV with one row per study")
    .requiredOption("--input <file>", "the CSV of studies")
    .addOption(new Option("--measure <measure>", "effect measure").choices(MEASURES).makeOptionMandatory())
    .addOption(new Option("--model <model>", "pooling model").choices(MODELS).default("random"))
    .addOption(new Option("--tau2 <method>", "τ² estimator, random effects (default REML)").choices(TAU2_METHODS))
    .addOption(
      new Option(
        "--ci <method>",
        "CI of the random-effects estimate: Wald or Hartung–Knapp–Sidik–Jonkman (default hksj)",
      ).choices(CI_METHODS),
    )
    .addOption(
      new Option("--vtype <type>", "MD and ROM variances: per-arm SDs (LS, default) or pooled SD (HO)").choices(
        VARIANCE_TYPES,
      ),
    )
    .option("--json", "print one JSON object", false)
    .option("--r-script <file>", "also write the metafor R script, with its data, that reproduces the analysis")
    .addHelpText("after", COLUMNS_HELP)
    .action(
      async (o: {
        input: string;
        measure: (typeof MEASURES)[number];
        model: (typeof MODELS)[number];
        tau2?: (typeof TAU2_METHODS)[number];
        ci?: (typeof CI_METHODS)[number];
        vtype?: (typeof VARIANCE_TYPES)[number];
        json: boolean;
        rScript?: string;
      }) => {
        const text = await readFile(o.input, "utf8").catch((err: NodeJS.ErrnoException) => {
          throw new CliError(`cannot read ${o.input}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
        });
        const studies = studiesFromCsv(text, o.measure);
        const options = { measure: o.measure, model: o.model, tau2Method: o.tau2, ci: o.ci, vtype: o.vtype };
        const result = analyse(studies, options);
        if (o.rScript) {
          await writeFile(o.rScript, metaforScript(studies, options, `sift analyse --input ${o.input}`));
          console.error(`wrote ${o.rScript}`);
        }
        process.stdout.write(o.json ? `${JSON.stringify(jsonReport(result))}\n` : textReport(result));
      },
    );
}
