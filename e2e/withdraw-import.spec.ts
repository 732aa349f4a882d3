import { expect, type Page, test } from "@playwright/test";
import { createReview, fixture, importFile, importRow, section, signUp, uniqueEmail } from "./helpers";

async function prismaBoxes(page: Page) {
  await section(page, "PRISMA 2020").click();
  await expect(page.getByRole("heading", { name: "PRISMA 2020 flow diagram" })).toBeVisible();
}

test("two searches sharing a paper are merged; withdrawing one puts the duplicates and PRISMA right", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Wanda Withdraw", uniqueEmail("wanda"));
  await createReview(page, "Withdraw e2e");

  // PubMed, then Embase: the same JAMA paper in both is merged, and a near match waits for review.
  await section(page, "Import").click();
  await page.getByLabel("Interface or platform").fill("PubMed");
  await page.getByLabel("Search string").fill('"amyotrophic lateral sclerosis"[MeSH] AND "stem cells"[MeSH]');
  await importFile(page, fixture("pubmed-search.ris"));
  await importFile(page, fixture("embase-search.ris"), "Embase");
  const embaseRow = importRow(page, "embase-search.ris");
  await expect(embaseRow.getByRole("cell", { name: "1", exact: true })).toBeVisible();
  const log = page.getByRole("table", { name: "Searches" });
  await expect(log.getByRole("row", { name: /PubMed/ })).toContainText('"amyotrophic lateral sclerosis"[MeSH]');

  await section(page, "Duplicates").click();
  const counts = page.getByRole("list", { name: "Duplicate counts" });
  await expect(counts).toContainText("1 duplicates removed");
  await expect(counts).toContainText("1 pairs to review");

  await prismaBoxes(page);
  await expect(
    page.getByRole("button", {
      name: /^Records identified from: Databases \(n = 6\) Embase \(n = 3\) PubMed \(n = 3\)/,
    }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Duplicate records removed \(n = 1\)/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Records screened \(n = 5\)/ })).toBeVisible();

  // The lead withdraws the PubMed file, from the keyboard, after reading what it changes.
  await section(page, "Import").click();
  await page.getByRole("button", { name: "Withdraw… pubmed-search.ris" }).focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Withdraw pubmed-search.ris?" });
  await expect(panel).toContainText("3 records leave the review");
  await expect(panel).toContainText("1 record from other imports had been merged into these.");
  await expect(panel).toContainText("One comes back as a record of its own");
  await expect(panel).toContainText("1 possible duplicate pair waiting for a decision disappears");
  await expect(panel).toContainText("records identified from PubMed go from 3 to 0; from all sources, from 6 to 3");
  await panel.getByLabel("Why (optional, kept in the audit trail)").fill("Exported with the wrong date limit");
  await panel.getByRole("button", { name: "Withdraw this import" }).click();
  const pubmedRow = importRow(page, "pubmed-search.ris");
  await expect(pubmedRow.getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(page.getByText(/Withdrawn on .* by Wanda Withdraw: “Exported with the wrong date limit”/)).toBeVisible();
  await expect(embaseRow.getByRole("cell", { name: "0", exact: true }).first()).toBeVisible();
  await expect(log.getByRole("row", { name: /PubMed/ })).toHaveCount(0);

  await section(page, "Duplicates").click();
  await expect(counts).toContainText("3 records imported");
  await expect(counts).toContainText("0 duplicates removed");
  await expect(page.getByText(/No pairs wait for review/)).toBeVisible();

  await prismaBoxes(page);
  await expect(
    page.getByRole("button", { name: /^Records identified from: Databases \(n = 3\) Embase \(n = 3\)/ }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Duplicate records removed \(n = 0\)/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Records screened \(n = 3\)/ })).toBeVisible();
});
