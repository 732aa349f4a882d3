// A few demo records already through title/abstract, so the full-text screens have something to show: one with a
// PDF, one with a link, one not retrieved, one still sought. The PDF is a stand-in Sift draws itself, since
// the published articles are not ours to ship.
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import type { Db } from "../db/client";
import { attachReportFile } from "../full-text/attach-file";
import { markNotRetrieved, setReportLink } from "../full-text/retrieval";
import { recordDecision } from "../screening/decide";
import { fileStorage } from "../storage/file-storage";

const INCLUDED = [
  "Repeated Intrathecal Mesenchymal Stem Cells for Amyotrophic Lateral Sclerosis",
  "Transplantation of spinal cord-derived neural stem cells for ALS: Analysis of phase 1 and 2 trials",
  "Mesenchymal stem cell transplantation in amyotrophic lateral sclerosis: A Phase I clinical trial",
  "Human neural stem cell transplantation in ALS: initial results from a phase I trial",
];

function standInPdf(record: {
  title: string;
  authors: string[];
  journal: string | null;
  year: number | null;
  abstract: string;
}): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: record.title } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(9).fillColor("#b42318").text("Sift demo: a stand-in for the full text, not the published article.");
  doc.moveDown().fontSize(18).fillColor("#1b1f24").text(record.title);
  doc.moveDown(0.5).fontSize(10).fillColor("#57606a").text(record.authors.join(", "));
  doc.text([record.journal, record.year].filter(Boolean).join(", "));
  doc.moveDown().fontSize(12).fillColor("#1b1f24").text("Summary", { underline: true });
  doc.moveDown(0.3).fontSize(11).text(record.abstract, { align: "justify" });
  doc.end();
  return done;
}

/** The owner retrieves the full texts, as a lead would while screening is blinded. */
export async function seedFullText(db: Db, reviewId: string, ownerId: string, reviewerIds: string[]): Promise<void> {
  const records = await db.record.findMany({ where: { reviewId, title: { in: INCLUDED }, duplicateOfId: null } });
  const ordered = INCLUDED.map((t) => records.find((r) => r.title === t)).filter((r) => r !== undefined);
  for (const record of ordered) {
    for (const reviewerId of reviewerIds) {
      await recordDecision(
        db,
        { reviewId, actorId: reviewerId },
        { recordId: record.id, stage: "title_abstract", verdict: "include" },
      );
    }
  }
  const reports = await db.report.findMany({ where: { reviewId, recordId: { in: ordered.map((r) => r.id) } } });
  const reportOf = (i: number) => reports.find((r) => r.recordId === ordered[i]?.id);
  const scope = { reviewId, actorId: ownerId, role: "owner" as const };
  const deps = { db, storage: fileStorage() };
  const [withPdf, withLink, notRetrieved] = [reportOf(0), reportOf(1), reportOf(2)];
  if (withPdf) {
    const body = Readable.from([await standInPdf(ordered[0]!)]);
    const first = ordered[0]!;
    const fileName = `${[first.authors[0]?.split(/[ ,]/)[0], first.year].filter(Boolean).join(" ")} (demo stand-in).pdf`;
    await attachReportFile(deps, scope, { reportId: withPdf.id, fileName, body });
  }
  if (withLink && ordered[1]!.doi)
    await setReportLink(db, scope, { reportId: withLink.id, url: `https://doi.org/${ordered[1]!.doi}` });
  if (notRetrieved)
    await markNotRetrieved(deps, scope, {
      reportId: notRetrieved.id,
      note: "Library has no access; requested from the authors.",
    });
}
