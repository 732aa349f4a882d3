import { describe, expect, it } from "vitest";
import { analyse } from "../analyse";
import reference from "../reference/reference.json";
import type { Study } from "../types";
import { plotFile } from "./files";
import { forestPlot } from "./forest";

const bcg = (reference.datasets as unknown as Record<string, Study[]>)["dat.bcg"]!;
const plot = forestPlot({ result: analyse(bcg, { measure: "RR", model: "random" }), studies: bcg });

describe("plot files", () => {
  it("gives the SVG as drawn and a PNG at twice its size", async () => {
    const svg = await plotFile(plot, "svg", "forest-plot", "Forest plot");
    expect(svg.body.toString("utf8")).toBe(plot.svg);
    expect(svg.contentType).toBe("image/svg+xml");
    const png = await plotFile(plot, "png", "forest-plot", "Forest plot");
    expect(png.body.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.body.readUInt32BE(16)).toBe(plot.width * 2);
    expect(png.body.readUInt32BE(20)).toBe(plot.height * 2);
    expect(png.fileName).toBe("forest-plot.png");
  });
  it("gives a one-page PDF the plot's size, titled as the plot", async () => {
    const pdf = await plotFile(plot, "pdf", "forest-plot", "Forest plot: BCG vaccine");
    const text = pdf.body.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(new RegExp(`/MediaBox \\[0 0 ${plot.width} ${plot.height}`));
    expect(text).toContain("Forest plot: BCG vaccine");
    expect(pdf.contentType).toBe("application/pdf");
  });
});
