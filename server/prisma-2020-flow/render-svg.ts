// The laid-out diagram as an SVG document: the same markup on the page (where boxes are buttons) and in the
// downloaded file, and the input of the PNG and PDF renderers.
import { escapeXml } from "../svg/escape-xml";
import { SVG_FONT_FAMILY } from "../svg/text-metrics";
import { type DiagramLayout, type Fill, FONT_SIZE } from "./layout";

const FILLS: Record<Fill, string> = {
  box: "#ffffff",
  dbrHeader: "#ffd966",
  otherHeader: "#d9d9d9",
  phase: "#9dc3e6",
  note: "#fde7e9",
};

const r = (v: number) => Math.round(v * 10) / 10;

const HEAD_LENGTH = 9;
const HEAD_HALF_WIDTH = 4.5;

/** A line with a drawn arrowhead (not an SVG marker, which PDF converters and rasterisers treat unevenly). */
function arrow(points: [number, number][]): string {
  const [tx, ty] = points[points.length - 1]!;
  const [px, py] = points[points.length - 2]!;
  const length = Math.hypot(tx - px, ty - py) || 1;
  const [ux, uy] = [(tx - px) / length, (ty - py) / length];
  const [bx, by] = [tx - ux * HEAD_LENGTH, ty - uy * HEAD_LENGTH];
  const line = [...points.slice(0, -1), [bx, by] as [number, number]];
  const head = [
    [tx, ty],
    [bx - uy * HEAD_HALF_WIDTH, by + ux * HEAD_HALF_WIDTH],
    [bx + uy * HEAD_HALF_WIDTH, by - ux * HEAD_HALF_WIDTH],
  ];
  const pts = (list: number[][]) => list.map(([x, y]) => `${r(x!)},${r(y!)}`).join(" ");
  return `<polyline points="${pts(line)}" fill="none" stroke="#1f1f1f" stroke-width="1.5"/><polygon points="${pts(head)}" fill="#1f1f1f"/>`;
}

/** `interactive` marks each box as a focusable button carrying the list it opens (data-list). */
export function renderSvg(layout: DiagramLayout, options: { interactive?: boolean; title?: string } = {}): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r(layout.width)}" height="${r(layout.height)}" viewBox="0 0 ${r(layout.width)} ${r(layout.height)}" font-family="${SVG_FONT_FAMILY}" font-size="${FONT_SIZE}"${options.interactive ? ' role="group"' : ""}>`,
  );
  out.push(`<title>${escapeXml(options.title ?? "PRISMA 2020 flow diagram")}</title>`);
  out.push(`<rect x="0" y="0" width="${r(layout.width)}" height="${r(layout.height)}" fill="#ffffff"/>`);
  for (const b of layout.banners) {
    // The note of an unfinished or inconsistent diagram is outlined, so that a cropped figure still shows it is one.
    const outline = b.fill === "note" ? ' stroke="#a4262c" stroke-width="1.5"' : "";
    out.push(
      `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" rx="6" fill="${FILLS[b.fill]}"${outline}/>`,
    );
    for (const line of b.lines) {
      const rotate = b.vertical ? ` transform="rotate(-90 ${r(line.x)} ${r(line.y)})"` : "";
      out.push(
        `<text x="${r(line.x)}" y="${r(line.y)}" text-anchor="middle" font-weight="bold"${rotate}>${escapeXml(line.text)}</text>`,
      );
    }
  }
  for (const points of layout.arrows) out.push(arrow(points));
  for (const b of layout.boxes) {
    const attrs =
      options.interactive && b.opensList
        ? ` class="prisma-box" data-list="${b.listKey}" role="button" tabindex="0" aria-label="${escapeXml(b.label)}. Show what it counts."`
        : "";
    out.push(`<g id="box-${b.listKey}"${attrs}>`);
    out.push(
      `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" fill="${FILLS.box}" stroke="#1f1f1f" stroke-width="1.2"/>`,
    );
    for (const line of b.lines) {
      out.push(
        `<text x="${r(line.x)}" y="${r(line.y)}"${line.bold ? ' font-weight="bold"' : ""}>${escapeXml(line.text)}</text>`,
      );
    }
    out.push("</g>");
  }
  out.push("</svg>");
  return out.join("\n");
}
