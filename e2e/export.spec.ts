import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { createReview, section, signUp, uniqueEmail } from "./helpers";

const RIS = [
  "TY  - JOUR",
  "TI  - Autologous mesenchymal stem cells for ALS: a phase 2 trial",
  "AU  - Petrou, P.",
  "PY  - 2016",
  "DO  - 10.1001/jamaneurol.2015.4321",
  "ER  - ",
  "TY  - JOUR",
  'TI  - =HYPERLINK("http://evil.example","click")',
  "AU  - Mallory, M.",
  "PY  - 2020",
  "ER  - ",
].join("\n");

async function importRis(page: Page, dir: string) {
  const file = path.join(dir, "search.ris");
  writeFileSync(file, RIS);
  await section(page, "Import").click();
  await page.getByLabel("Source", { exact: true }).fill("PubMed");
  await page.getByLabel("Files").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("row", { name: /search\.ris/ }).getByText("Imported")).toBeVisible({ timeout: 30_000 });
}

test("exports the records of a review as CSV, with progress, a download and formulas neutralised", async ({ page }) => {
  await signUp(page, "Erin Exporter", uniqueEmail("erin"));
  await createReview(page, "Export e2e");

  const dir = mkdtempSync(path.join(tmpdir(), "sift-e2e-export-"));
  try {
    await importRis(page, dir);

    await section(page, "Export").click();
    await expect(page.getByRole("heading", { name: "Export", exact: true })).toBeVisible();
    await expect(page.getByText("You have not exported anything from this review yet.")).toBeVisible();
    await page.getByLabel("Records with their final decisions").check();
    await page.getByLabel("Format").selectOption("csv");
    await page.getByLabel("Stage").selectOption("title_abstract");
    await page.getByRole("button", { name: "Export", exact: true }).click();

    const download = page.getByRole("link", { name: /Download/ });
    await expect(download).toBeVisible({ timeout: 30_000 });
    const [file2] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file2.suggestedFilename()).toMatch(/^export-e2e_records_title-abstract_\d{4}-\d\d-\d\d\.csv$/);
    const saved = path.join(dir, "out.csv");
    await file2.saveAs(saved);
    const text = readFileSync(saved, "utf8");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(
      /^sift_id,title,authors,year,journal,.*,decision,exclusion_reason,decided_at,decided_by,resolution_note,labels,team_notes$/,
    );
    expect(lines).toHaveLength(3);
    expect(text).toContain('Autologous mesenchymal stem cells for ALS: a phase 2 trial,"Petrou, P.",2016');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("exports a selection from the records browser through an export job, and offers its file there", async ({
  page,
}) => {
  await signUp(page, "Sam Selector", uniqueEmail("sam"));
  await createReview(page, "Selection e2e");
  const dir = mkdtempSync(path.join(tmpdir(), "sift-e2e-selection-"));
  try {
    await importRis(page, dir);
    await section(page, "Records").click();
    const table = page.getByRole("table", { name: "Records" });
    await expect(table.getByRole("link")).toHaveCount(2);
    // Every match of the filters, then one ticked off again.
    await page.getByRole("button", { name: "Select all 2" }).click();
    const bar = page.getByRole("region", { name: /selected/ });
    await expect(bar.getByRole("heading", { name: /^2 selected/ })).toBeVisible();
    await page.getByRole("checkbox", { name: /^Select =HYPERLINK/ }).uncheck();
    await expect(bar.getByRole("heading", { name: /^1 selected/ })).toBeVisible();
    await bar.getByLabel("Export, with decisions at").selectOption("title_abstract");
    await bar.getByRole("button", { name: "CSV", exact: true }).click();

    const download = bar.getByRole("link", { name: /Download/ });
    await expect(download).toBeVisible({ timeout: 30_000 });
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^selection-e2e_selection_title-abstract_\d{4}-\d\d-\d\d\.csv$/);
    const saved = path.join(dir, "selection.csv");
    await file.saveAs(saved);
    const lines = readFileSync(saved, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Autologous mesenchymal stem cells for ALS: a phase 2 trial");

    // The same export is listed with the others on the Export page.
    await bar.getByRole("link", { name: "All your exports" }).click();
    await expect(page.getByRole("row", { name: /Selected records \(1\) · Title and abstract/ })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
