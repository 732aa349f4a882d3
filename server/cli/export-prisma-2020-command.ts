// `sift export prisma-2020` (alias `prisma`): the review's PRISMA 2020 diagram as a file, the same as the page's downloads.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { DIAGRAM_FORMATS, type DiagramFormat } from "../prisma-2020-flow/diagram-formats";
import { reviewIdForSlug } from "../reviews/review-queries";
import { CliError } from "./cli-error";
import { withDb } from "./with-db";

/** Adds `prisma-2020` to the `export` command group. */
export function addExportPrisma2020Command(exportGroup: Command): void {
  exportGroup
    .command("prisma-2020")
    .alias("prisma")
    .description("the PRISMA 2020 flow diagram as CSV (PRISMA2020 template), SVG, PNG or PDF")
    .requiredOption("--review <slug>", "the review")
    .requiredOption("--format <format>", DIAGRAM_FORMATS.join(", "))
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (o: { review: string; format: string; out?: string }) => {
      if (!(DIAGRAM_FORMATS as readonly string[]).includes(o.format)) {
        throw new CliError(`unknown format "${o.format}"; use one of ${DIAGRAM_FORMATS.join(", ")}`);
      }
      const format = o.format as DiagramFormat;
      if (!o.out && (format === "png" || format === "pdf") && process.stdout.isTTY) {
        throw new CliError(`${format.toUpperCase()} is binary: give --out FILE or redirect standard output`);
      }
      await withDb(async (db) => {
        // Loaded here: the PNG and PDF renderers would slow every other command's start.
        const { diagramFile } = await import("../prisma-2020-flow/flow-service");
        const reviewId = await reviewIdForSlug(db, o.review);
        const file = await diagramFile(db, reviewId, format);
        if (o.out) await writeFile(o.out, file.body);
        else
          await new Promise<void>((resolve, reject) =>
            process.stdout.write(file.body, (err) => (err ? reject(err) : resolve())),
          );
        // The file shows the numbers as they are; say plainly on stderr when they do not add up.
        for (const check of file.checks.filter((c) => !c.holds)) {
          console.error(
            `sift: warning: ${check.rule} does not hold (${check.left} vs ${check.right}); ${check.behindCount} behind it`,
          );
        }
        if (o.out) console.error(`wrote ${o.out}`);
      });
    });
}
