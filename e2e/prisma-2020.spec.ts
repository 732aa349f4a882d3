import { expect, test } from "@playwright/test";
import { createReview, fixture, importFile, section, signUp, uniqueEmail } from "./helpers";

test("the PRISMA diagram counts an import, says which identity fails, and lists what a box counts", async ({
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
  // Nothing is screened yet, so the records screened end neither excluded nor sought: shown, not hidden.
  const checks = page.getByRole("region", { name: "1 identity of the diagram does not hold" });
  await expect(checks).toContainText("records_screened = records_excluded + dbr_sought_reports");

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

  // The failed identity's records.
  await checks.getByRole("button", { name: "Show the 3 behind it" }).click();
  await expect(
    page
      .getByRole("region", { name: "Records screened without exactly one final outcome" })
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
