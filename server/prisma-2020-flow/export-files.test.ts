import { describe, expect, it } from "vitest";
import { svgToPng } from "../svg/svg-to-png";
import { finishedCounts } from "./counts.fixture";
import { svgToPdf } from "./export-files";
import { prisma2020Flow } from "./flow";
import { layoutDiagram } from "./layout";
import { renderSvg } from "./render-svg";

const layout = layoutDiagram(prisma2020Flow(finishedCounts()));
const svg = renderSvg(layout);

describe("diagram files", () => {
  it("renders a PNG at twice the diagram's size", () => {
    const png = svgToPng(svg);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(Math.round(layout.width * 2));
    expect(png.readUInt32BE(20)).toBe(Math.round(layout.height * 2));
  });

  it("renders a one-page PDF the diagram's size", async () => {
    const pdf = await svgToPdf(svg, layout);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(new RegExp(`/MediaBox \\[0 0 ${layout.width} ${layout.height}`));
  });
});
