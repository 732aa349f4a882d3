// The diagram's SVG as PNG (resvg) and PDF (PDFKit + svg-to-pdfkit). Both need real font files to draw text:
// Liberation Sans (metric-compatible with the Helvetica widths the layout measures with) or DejaVu Sans from the
// system, else whatever fonts resvg finds; PDFKit falls back to its built-in Helvetica.
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";

const FONT_DIRS = ["/usr/share/fonts/truetype", "/usr/share/fonts/TTF", "/usr/local/share/fonts", "/Library/Fonts", "C:\\Windows\\Fonts"];
const REGULAR = ["liberation/LiberationSans-Regular.ttf", "LiberationSans-Regular.ttf", "dejavu/DejaVuSans.ttf", "DejaVuSans.ttf", "arial.ttf", "Arial.ttf"];
const BOLD = ["liberation/LiberationSans-Bold.ttf", "LiberationSans-Bold.ttf", "dejavu/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf", "arialbd.ttf", "Arial Bold.ttf"];

function findFont(names: string[]): string | undefined {
  for (const name of names) {
    for (const dir of FONT_DIRS) {
      const file = `${dir}/${name}`;
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/** PNG at twice the SVG's size, so it stays sharp on a slide or a high-density screen. */
export function svgToPng(svg: string): Buffer {
  const fontFiles = [findFont(REGULAR), findFont(BOLD)].filter((f): f is string => !!f);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: 2 },
    background: "#ffffff",
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: fontFiles.length ? "Liberation Sans" : "sans-serif" },
  });
  return resvg.render().asPng();
}

/** One PDF page the size of the diagram (in points), with the text as text, so it can be searched and copied. */
export async function svgToPdf(svg: string, size: { width: number; height: number }): Promise<Buffer> {
  const doc = new PDFDocument({ size: [size.width, size.height], margin: 0, info: { Title: "PRISMA 2020 flow diagram", Creator: "Sift" } });
  const regular = findFont(REGULAR);
  const bold = findFont(BOLD);
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
    fontCallback: (_family, isBold) => (isBold ? (bold ? "Diagram-Bold" : "Helvetica-Bold") : regular ? "Diagram" : "Helvetica"),
  });
  doc.end();
  return done;
}
