import { expect, test } from "@playwright/test";
import { createReview, fixture, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

test("records included at title/abstract get their full text, which is screened beside the decision panel", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Fay Fulltext", uniqueEmail("fay"));
  // One reviewer per record at both stages, so one person takes records all the way through.
  await createReview(page, "Full-text e2e", { reviewers: { title_abstract: 1, full_text: 1 } });

  await importFile(page, fixture("pubmed-search.ris"));

  await section(page, "Screening").click();
  const included: string[] = [];
  for (const key of ["i", "i", "e"]) {
    const heading = page.locator("#record-title");
    await expect(heading).toBeVisible();
    const title = (await heading.textContent())!.trim();
    if (key === "i") included.push(title);
    await readyToDecide(page);
    await page.locator("body").press(key);
    await expect(page.locator("#record-title", { hasText: title })).toHaveCount(0);
  }
  const [withPdf, missing] = included as [string, string];

  await section(page, "Full text").click();
  await expect(page.getByRole("tab", { name: /To retrieve/ })).toContainText("2");
  const pdfReport = page.getByRole("article", { name: withPdf });
  await pdfReport.getByLabel("PDF file").setInputFiles(fixture("full-text.pdf"));
  // Retrieved, it leaves the list of reports still to retrieve.
  await expect(pdfReport).toHaveCount(0);

  const missingReport = page.getByRole("article", { name: missing });
  await missingReport.getByRole("button", { name: "Not retrieved…" }).click();
  await missingReport.getByLabel("Why").fill("Requested from the authors, no answer");
  await missingReport.getByRole("button", { name: "Mark not retrieved" }).click();
  await expect(missingReport).toHaveCount(0);
  await expect(page.getByText("Every report has been dealt with")).toBeVisible();
  await page.getByRole("tab", { name: /Not retrieved/ }).click();
  await expect(page.getByRole("article", { name: missing })).toContainText("Requested from the authors, no answer");

  await page.getByRole("link", { name: "Screen full text" }).click();
  await expect(page.locator("#record-title")).toHaveText(withPdf);
  const frame = page.locator("iframe.full-text-frame");
  await expect(frame).toBeVisible();
  const src = (await frame.getAttribute("src"))!;
  expect(src).toMatch(/^\/api\/reports\/[^/]+\/file$/);
  const pdf = await page.request.get(src);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expect(page.getByRole("region", { name: "Your decision" })).toBeVisible();

  // Exclusion at full text waits for its reason: E, then the reason's number.
  await readyToDecide(page);
  await page.locator("body").press("e");
  await expect(page.getByText("Choose a reason to exclude this record")).toBeVisible();
  await page.locator("body").press("1");
  await expect(page.getByText("Nothing is left for you to screen at this stage.")).toBeVisible();
  await expect(page.getByText("1 of 1 record resolved (0 included, 1 excluded)").first()).toBeVisible();

  await page.getByRole("link", { name: "Retrieval" }).click();
  await page.getByRole("tab", { name: /^Retrieved/ }).click();
  await expect(page.getByRole("article", { name: withPdf })).toContainText("Excluded: Wrong population");
});
