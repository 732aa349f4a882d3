// The layout check every plot's tests make (the appraisal plots here, the analysis plots and tables in
// server/meta-analysis/plots): every text and mark inside the page and none on top of another.
import { expect } from "vitest";
import type { Box, PlotLayout } from "./svg";

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function expectClean(plot: PlotLayout) {
  expect(plot.svg).toContain(`viewBox="0 0 ${plot.width} ${plot.height}"`);
  for (const box of plot.boxes) {
    expect(
      box.x >= 0 && box.y >= 0 && box.x + box.w <= plot.width + 0.01 && box.y + box.h <= plot.height + 0.01,
      `"${box.what}" inside the ${plot.width}×${plot.height} page`,
    ).toBe(true);
  }
  // Sorted by top edge, each box is compared only with those that start above its bottom: fast at 200 rows.
  const boxes = [...plot.boxes].sort((a, b) => a.y - b.y);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.y < a.y + a.h; j++)
      expect(overlap(a, boxes[j]!), `"${a.what}" overlaps "${boxes[j]!.what}"`).toBe(false);
  }
}

/** A study name far longer than any column: it must be wrapped or cut, never run into the numbers. */
export const LONG_NAME =
  "Petrou, Gothelf, Argov, Gotkine, Levy, Kassis, Vaknin-Dembinsky, Ben-Hur, Offen, Abramsky, Melamed and Karussis 2016 (NurOwn phase 2 extension)";
