import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createReview, fixture, importsTable, section, signUp, startImport, uniqueEmail } from "./helpers";

/** A search export big enough that reading it takes a moment, with titles that are not duplicates of each other. */
function largeRis(records: number): string {
  const syllables = ["ka", "lo", "mi", "ne", "ra", "su", "ti", "vo", "be", "da", "fi", "gu", "ho", "je", "pu"];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const word = () => Array.from({ length: 3 }, () => syllables[next() % syllables.length]).join("");
  let text = "";
  for (let i = 0; i < records; i++) {
    const title = Array.from({ length: 9 }, word).join(" ");
    text += `TY  - JOUR\nTI  - ${title}\nAU  - ${word()}, A.\nPY  - ${1990 + (i % 35)}\nJO  - Journal ${i % 50}\nAB  - ${title.repeat(8)}\nER  - \n\n`;
  }
  return text;
}

test("uploads show progress and counts; a borderline pair is reviewed by keyboard and a merge is undone", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Ivy Importer", uniqueEmail("ivy"));
  await createReview(page, "Import e2e");
  await section(page, "Import").click();

  const dir = mkdtempSync(path.join(tmpdir(), "sift-e2e-"));
  try {
    const big = path.join(dir, "embase-big.ris");
    writeFileSync(big, largeRis(40_000));
    await startImport(page, big, "Embase");
    await expect(page.getByRole("progressbar").first()).toBeVisible();
    const bigRow = importsTable(page).getByRole("row", { name: /embase-big\.ris/ });
    await expect(bigRow.getByText("Imported")).toBeVisible({ timeout: 120_000 });
    await expect(bigRow.getByRole("cell", { name: "40,000" })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await page.goto("/reviews");
  await createReview(page, "Dedup e2e");
  await section(page, "Import").click();
  await startImport(page, fixture("pubmed-search.ris"), "PubMed");
  await expect(
    importsTable(page)
      .getByRole("row", { name: /pubmed-search\.ris/ })
      .getByText("Imported"),
  ).toBeVisible();
  await startImport(page, fixture("embase-search.ris"), "Embase");
  const embaseRow = importsTable(page).getByRole("row", { name: /embase-search\.ris/ });
  await expect(embaseRow.getByText("Imported")).toBeVisible();
  await expect(embaseRow.getByRole("cell", { name: "3", exact: true }).first()).toBeVisible();
  await expect(embaseRow.getByRole("cell", { name: "1", exact: true })).toBeVisible(); // the same JAMA paper, merged

  await section(page, "Duplicates").click();
  await expect(
    page.getByText(
      "Intraspinal neural stem cell transplantation in amyotrophic lateral sclerosis: phase 1 trial safety outcomes",
    ),
  ).toBeVisible();
  await page.keyboard.press("n");
  await expect(page.getByText(/No pairs wait for review/)).toBeVisible();

  await page.getByRole("tab", { name: /Merged/ }).click();
  await page
    .getByRole("button", { name: /Undo merge/ })
    .first()
    .click();
  await expect(page.getByText("Merge undone: the record is back in the review.")).toBeVisible();
  await page.getByRole("tab", { name: /Not duplicates/ }).click();
  await expect(
    page
      .getByRole("tabpanel")
      .getByText(/Safety and Clinical Effects/i)
      .first(),
  ).toBeVisible();
});
