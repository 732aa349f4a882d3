import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createReview, fixture, importFile, section, signUp, uniqueEmail } from "./helpers";

/** A third copy of the PubMed search's neural stem cell trial, as a conference record with an abstract and keywords. */
const WOS = `TY  - CONF
TI  - Intraspinal neural stem cell transplantation in amyotrophic lateral sclerosis: phase 1 trial safety results
AU  - Glass, J.
AU  - Boulis, N.
PY  - 2012
JO  - Neurology
AB  - Twelve people with ALS received lumbar intraspinal injections of neural stem cells; the surgery was tolerated.
KW  - neural stem cells
KW  - intraspinal injection
ER  - 

TY  - JOUR
TI  - Gastrostomy timing and weight loss in amyotrophic lateral sclerosis cohorts
AU  - Lindqvist, A.
PY  - 2018
JO  - Clinical Nutrition
ER  - 
`;

test("three copies of a paper are reviewed as one group: the lead keeps another record, merges, sees what was filled and undoes it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, "Gina Groups", uniqueEmail("gina"));
  await createReview(page, "Groups e2e");
  await section(page, "Import").click();
  const dir = mkdtempSync(path.join(tmpdir(), "sift-e2e-"));
  try {
    await importFile(page, fixture("pubmed-search.ris"), "PubMed", 60_000);
    await importFile(page, fixture("embase-search.ris"), "Embase", 60_000);
    const wos = path.join(dir, "wos-search.ris");
    writeFileSync(wos, WOS);
    await importFile(page, wos, "Web of Science", 60_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await section(page, "Duplicates").click();
  const counts = page.getByRole("list", { name: "Duplicate counts" });
  await expect(counts).toContainText("1 duplicates removed"); // the MSC-NTF paper, merged automatically
  const group = page.getByRole("article", { name: "Group 1 of 1" });
  await expect(group).toContainText("3 records");
  const table = group.getByRole("table", { name: "The group's records side by side" });
  // The conference record with an abstract is kept by default; the lead keeps the PubMed article instead.
  await expect(table.getByRole("row", { name: /^Source/ })).toContainText(/Web of Science.*PubMed.*Embase/);
  await expect(group.getByRole("button", { name: /Merge into Record 1/ })).toBeVisible();
  await page.keyboard.press("2");
  await expect(group.getByRole("radio", { name: "Keep this one" }).nth(1)).toBeChecked();
  await expect(group).toContainText("Abstract and Keywords filled from Record 1.");
  await expect(table.getByRole("row", { name: /^Abstract/ })).toContainText("Filled from Record 1");
  await page.keyboard.press("m");
  await expect(page.getByText(/No pairs wait for review/)).toBeVisible();
  await expect(counts).toContainText("3 duplicates removed");

  await page.getByRole("tab", { name: /Merged/ }).click();
  const kept = page.getByRole("region", {
    name: "Intraspinal neural stem cell transplantation in amyotrophic lateral sclerosis: a phase 1 trial of safety",
  });
  await expect(kept.getByRole("row", { name: /phase 1 trial safety results/ })).toContainText(
    "Abstract and Keywords filled from this record",
  );
  await expect(kept.getByRole("row", { name: /phase 1 trial safety outcomes/ })).toContainText("Gina Groups");
  await kept.getByRole("button", { name: /Undo all 2 merges/ }).click();
  await expect(page.getByText("Group merge undone: 2 records back in the review.")).toBeVisible();
  await expect(counts).toContainText("1 duplicates removed");
  await expect(kept).toHaveCount(0);
});
