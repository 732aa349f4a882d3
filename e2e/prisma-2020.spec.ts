import { expect, test } from "@playwright/test";
import { createReview, fixture, importFile, section, signUp, uniqueEmail } from "./helpers";

test("the PRISMA diagram counts an import, says what awaits a decision, and lists what a box counts", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Paula Prisma", uniqueEmail("paula"));
  await createReview(page, "PRISMA e2e");
  await importFile(page, fixture("pubmed-search.ris"));

  await section(page, "PRISMA 2020").click();
  await expect(page.getByRole("heading", { name: "PRISMA 2020 flow diagram" })).toBeVisible();
  const identified = page.getByRole("button", {
    name: /^Records identified from: Databases \(n = 3\) PubMed \(n = 3\)/,
  });
  await expect(identified).toBeVisible();
  await expect(page.getByRole("button", { name: /^Records screened \(n = 3\)/ })).toBeVisible();
  // Nothing is screened yet: the review is in progress, which is no error, and the page says what awaits what.
  const progress = page.getByRole("region", { name: "The review is in progress" });
  await expect(progress).toContainText("3 records await a title/abstract decision.");
  await expect(page.getByRole("region", { name: /cannot hold/ })).toHaveCount(0);
  await expect(progress.getByRole("link", { name: "Open in the records browser" })).toHaveAttribute(
    "href",
    /\/records\?stage=title_abstract&outcome=undecided$/,
  );
  // Each identity in words, with this review's numbers.
  await page.getByText("How the numbers fit together").click();
  await expect(
    page.getByText(
      "Records screened (3) should equal the records excluded (0) plus the reports sought for retrieval (0).",
    ),
  ).toBeVisible();

  // A click on a box lists the records it counts.
  await identified.click();
  const list = page.getByRole("region", {
    name: "Records identified from: Databases (n = 3) PubMed (n = 3) Registers (n = 0)",
  });
  await expect(list.getByText("3 records; showing 1–3.")).toBeVisible();
  await expect(list.getByRole("row")).toHaveCount(4);
  await expect(list.getByRole("cell", { name: "PubMed", exact: true }).first()).toBeVisible();

  // From the keyboard: Enter on a focused box opens its list, Escape closes it and gives focus back to the box.
  const excluded = page.getByRole("button", { name: /^Records excluded \(n = 0\)/ });
  await excluded.focus();
  await page.keyboard.press("Enter");
  const empty = page.getByRole("region", { name: "Records excluded (n = 0)" });
  await expect(empty.getByText("No records in this box.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(empty).toHaveCount(0);
  await expect(excluded).toBeFocused();

  // The records awaiting a decision.
  await progress.getByRole("button", { name: "List them" }).click();
  await expect(
    page
      .getByRole("region", { name: "3 records await a title/abstract decision" })
      .getByText("Title/abstract: No final decision yet")
      .first(),
  ).toBeVisible();

  // The files behind the download buttons.
  const png = await page.request.get((await page.getByRole("link", { name: "PNG" }).getAttribute("href")) as string);
  expect(png.headers()["content-type"]).toBe("image/png");
  const csv = await page.request.get(
    (await page.getByRole("link", { name: "CSV (PRISMA2020 template)" }).getAttribute("href")) as string,
  );
  expect(await csv.text()).toMatch(/^database_results,node7,box2,.*,3$/m);
});

test("a lead removes a record before screening from the records browser, and the diagram counts it there", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Rhea Removal", uniqueEmail("rhea"));
  await createReview(page, "PRISMA removal e2e");
  await importFile(page, fixture("pubmed-search.ris"));

  await section(page, "Records").click();
  await page.getByRole("checkbox", { name: /^Select Edaravone in amyotrophic lateral sclerosis/ }).check();
  await page.getByLabel("Remove before screening:").selectOption("retracted");
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText("1 record removed before screening (Retracted).")).toBeVisible();

  await section(page, "PRISMA 2020").click();
  await expect(
    page.getByRole("button", {
      name: /^Records removed before screening: .*Records removed for other reasons \(n = 1\)/,
    }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Records screened \(n = 2\)/ })).toBeVisible();
  await page.getByRole("button", { name: /^Records removed before screening:/ }).click();
  await expect(page.getByText("Removed before screening: Retracted")).toBeVisible();

  // The records browser finds it under its filter, and restores it for screening.
  await section(page, "Records").click();
  await page.waitForURL(/\/records$/);
  await page.goto(`${page.url()}?removed=removed`);
  await expect(page.getByLabel("Removed before screening", { exact: true })).toHaveValue("removed");
  await expect(page.getByRole("checkbox", { name: /^Select (?!the records)/ })).toHaveCount(1);
  await page.getByRole("checkbox", { name: /^Select Edaravone/ }).check();
  await page.getByRole("button", { name: "Restore for screening" }).click();
  await expect(page.getByText("1 record restored for screening.")).toBeVisible();
});
