// Every page of a review, with records in it, checked by axe-core (WCAG 2.1 A and AA rules): no serious or
// critical violation. Signed out pages first, then a lead's walk through each section and a record's page.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { REVIEW_SECTIONS } from "../app/_lib/review-sections";
import { createReview, fixture, importFile, section, signUp, uniqueEmail } from "./helpers";

const SERIOUS = new Set(["serious", "critical"]);

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations
    .filter((v) => SERIOUS.has(v.impact ?? ""))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join("; ")}`,
    );
}

test("signed-out pages and every section of a review have no serious or critical accessibility violation", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const found: Record<string, string[]> = {};
  const check = async (name: string) => {
    await expect(page.getByRole("main")).toBeVisible();
    // Next streams a page's <title> after its body; axe would otherwise catch the page between the two.
    await expect(page).toHaveTitle(/\S/);
    const v = await seriousViolations(page);
    if (v.length) found[name] = v;
  };
  for (const path of ["/sign-in", "/sign-up"]) {
    await page.goto(path);
    await check(path);
  }
  await signUp(page, "Alex Access", uniqueEmail("alex"));
  await check("reviews");
  await createReview(page, "Accessibility e2e");
  await importFile(page, fixture("pubmed-search.ris"));
  await importFile(page, fixture("embase-search.ris"), "Embase");
  for (const { label } of REVIEW_SECTIONS) {
    await section(page, label).click();
    await expect(section(page, label)).toHaveAttribute("aria-current", "page");
    await page.waitForLoadState("networkidle");
    await check(label);
  }
  await section(page, "Records").click();
  await page.getByRole("table", { name: "Records" }).getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "History" })).toBeVisible();
  await check("record page");
  expect(found).toEqual({});
});
