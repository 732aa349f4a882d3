import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createReview, importFile, readyToDecide, section, signUp, uniqueEmail } from "./helpers";

/** Two records, the first with an abstract several screens long on a phone. */
function longAbstractFile(): string {
  const sentence =
    "Participants with amyotrophic lateral sclerosis received intrathecal autologous mesenchymal stem cells or placebo, and the ALSFRS-R slope was compared over 28 weeks. ";
  const file = path.join(os.tmpdir(), `sift-screening-phone-${process.pid}.ris`);
  writeFileSync(
    file,
    [
      `TY  - JOUR\nTI  - Intrathecal stem cells in ALS: a long report\nAU  - Long, A.\nPY  - 2021\nAB  - ${sentence.repeat(24)}The last line of the abstract.\nER  - \n`,
      "TY  - JOUR\nTI  - Riluzole dose escalation in bulbar-onset ALS\nAU  - Short, B.\nPY  - 2019\nAB  - A short abstract.\nER  - \n",
    ].join("\n"),
  );
  return file;
}

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the decision buttons stay on screen beside a long abstract, cover none of it, and decide", async ({
  page,
}) => {
  await signUp(page, "Pia Phone", uniqueEmail("pia"));
  await createReview(page, "Phone screening e2e");
  await importFile(page, longAbstractFile());
  await section(page, "Screening").click();
  const title = page.locator("#record-title");
  await expect(title).toHaveText("Intrathecal stem cells in ALS: a long report");
  // The page's heading and progress would push the record below the fold: it is scrolled to its title.
  await expect(title).toBeInViewport();
  const height = await page.evaluate(() => window.innerHeight);
  const include = page.getByRole("button", { name: /^Include/ });
  for (const name of [/^Include/, /^Exclude/, /^Maybe/]) {
    const box = (await page.getByRole("button", { name }).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
  }
  // The abstract really is longer than the screen, and its end scrolled to is not under the buttons.
  const abstract = page.locator(".record-abstract");
  expect((await abstract.boundingBox())!.y + (await abstract.boundingBox())!.height).toBeGreaterThan(height);
  await abstract.evaluate((el) => el.scrollIntoView({ block: "end" }));
  const end = (await abstract.boundingBox())!;
  const bar = (await include.boundingBox())!;
  expect(end.y + end.height).toBeLessThanOrEqual(bar.y);

  await readyToDecide(page);
  await include.click();
  await expect(title).toHaveText("Riluzole dose escalation in bulbar-onset ALS");
  await expect(page.locator(".last-decision")).toContainText("Intrathecal stem cells in ALS");
  await expect(page.getByText("You: 1 decided, 1 left").first()).toBeVisible();

  // While the note is typed in (the on-screen keyboard is up), the buttons go back into the panel.
  await page.getByLabel(/Note with your decision/).fill("Short follow-up");
  const inPanel = (await page.getByRole("button", { name: /^Exclude/ }).boundingBox())!;
  const note = (await page.getByLabel(/Note with your decision/).boundingBox())!;
  expect(inPanel.y).toBeLessThan(note.y);
});
