// The hand-written SVGs as PNG (resvg) and the font files their renderers draw text with: Liberation Sans
// (metric-compatible with the Helvetica widths server/svg/text-metrics.ts measures with) or DejaVu Sans from the
// system, else whatever fonts resvg finds.
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";

const FONT_DIRS = [
  "/usr/share/fonts/truetype",
  "/usr/share/fonts/TTF",
  "/usr/local/share/fonts",
  "/Library/Fonts",
  "C:\\Windows\\Fonts",
];
const REGULAR = [
  "liberation/LiberationSans-Regular.ttf",
  "LiberationSans-Regular.ttf",
  "dejavu/DejaVuSans.ttf",
  "DejaVuSans.ttf",
  "arial.ttf",
  "Arial.ttf",
];
const BOLD = [
  "liberation/LiberationSans-Bold.ttf",
  "LiberationSans-Bold.ttf",
  "dejavu/DejaVuSans-Bold.ttf",
  "DejaVuSans-Bold.ttf",
  "arialbd.ttf",
  "Arial Bold.ttf",
];

function findFont(names: string[]): string | undefined {
  for (const name of names) {
    for (const dir of FONT_DIRS) {
      const file = `${dir}/${name}`;
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/** The regular and bold font files found on this system, best match for the text metrics first. */
export function svgFontFiles(): { regular: string | undefined; bold: string | undefined } {
  return { regular: findFont(REGULAR), bold: findFont(BOLD) };
}

/** PNG at twice the SVG's size, so it stays sharp on a slide or a high-density screen. */
export function svgToPng(svg: string): Buffer {
  const { regular, bold } = svgFontFiles();
  const fontFiles = [regular, bold].filter((f): f is string => !!f);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: 2 },
    background: "#ffffff",
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: fontFiles.length ? "Liberation Sans" : "sans-serif",
    },
  });
  return resvg.render().asPng();
}
