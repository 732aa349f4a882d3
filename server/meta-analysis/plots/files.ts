// The analysis plots and the Summary of findings picture as files, through the renderers the PRISMA diagram and
// the appraisal plots use: SVG as drawn, PNG at twice the size (resvg), a one-page PDF with searchable text.
import type { PlotLayout } from "../../appraisal/plots/svg";
import { svgToPdf } from "../../prisma-2020-flow/export-files";
import { svgToPng } from "../../svg/svg-to-png";

export const PLOT_FORMATS = ["svg", "png", "pdf"] as const;
export type PlotFormat = (typeof PLOT_FORMATS)[number];

const CONTENT_TYPES: Record<PlotFormat, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  pdf: "application/pdf",
};

export interface PlotFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** `name` without extension (e.g. "forest-plot-mortality"); `title` goes into the PDF's properties. */
export async function plotFile(plot: PlotLayout, format: PlotFormat, name: string, title: string): Promise<PlotFile> {
  const body =
    format === "svg"
      ? Buffer.from(plot.svg, "utf8")
      : format === "png"
        ? svgToPng(plot.svg)
        : await svgToPdf(plot.svg, plot, title);
  return { body, contentType: CONTENT_TYPES[format], fileName: `${name}.${format}` };
}
