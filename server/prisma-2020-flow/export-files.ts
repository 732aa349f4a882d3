// The diagram's SVG as PDF (PDFKit + svg-to-pdfkit), with the font files the PNG renderer uses too; PDFKit falls
// back to its built-in Helvetica when the system has none of them.
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { svgFontFiles } from "../svg/svg-to-png";

/**
 * One PDF page the size of the diagram (in points), with the text as text, so it can be searched and copied. The
 * analysis plots and tables (server/meta-analysis/plots) come out the same way under their own title.
 */
export async function svgToPdf(
  svg: string,
  size: { width: number; height: number },
  title = "PRISMA 2020 flow diagram",
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [size.width, size.height],
    margin: 0,
    info: { Title: title, Creator: "Sift" },
  });
  const { regular, bold } = svgFontFiles();
  if (regular) doc.registerFont("Diagram", regular);
  if (bold) doc.registerFont("Diagram-Bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width: size.width,
    height: size.height,
    assumePt: true,
    fontCallback: (_family, isBold) =>
      isBold ? (bold ? "Diagram-Bold" : "Helvetica-Bold") : regular ? "Diagram" : "Helvetica",
  });
  doc.end();
  return done;
}
