import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { addReviewer, createReview, section, signUp, uniqueEmail } from "./helpers";

test("a RoB 2 form asks the chosen trial design's domain and shows each conditional question once its answer is given", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const lead = await (await browser.newContext()).newPage();
  await signUp(lead, "Lena Lead", uniqueEmail("lena"));
  await createReview(lead, "Appraisal designs e2e");
  const slug = new URL(lead.url()).pathname.split("/")[2]!;
  execFileSync("npx", ["tsx", "e2e/support/seed-included-reports.ts", slug], {
    env: { ...process.env, SIFT_HOME: ".sift-e2e", DATABASE_URL: "" },
    stdio: "inherit",
  });
  await section(lead, "Studies").click();
  await lead.getByRole("button", { name: "Confirm as one study" }).click();
  await lead.getByRole("article", { name: "Berry 2019" }).getByLabel("Design").selectOption("rct");
  await expect(lead.getByRole("article", { name: "Berry 2019" }).getByLabel("Risk-of-bias tool")).toHaveValue("rob2");

  const bob = await addReviewer(browser, lead, "Bob");
  await section(bob, "Appraisal").click();
  await bob
    .getByRole("row", { name: /Berry 2019/ })
    .getByRole("link", { name: "RoB 2", exact: true })
    .click();
  await bob.getByRole("button", { name: "Start RoB 2 appraisal" }).click();
  const question = (id: string) => bob.locator(`fieldset:has(input[name="q-${id}"])`);

  await bob.getByLabel("Trial design").selectOption({ label: "Cluster-randomised, parallel-group trial" });
  const d1b = bob.getByRole("heading", {
    name: "D1b. Bias arising from the timing of identification and recruitment of participants",
  });
  await expect(d1b).toBeVisible();
  await expect(question("1b.2")).toHaveCount(0);
  await bob.locator('input[name="q-1b.1"][value="N"]').check();
  await expect(question("1b.2")).toBeVisible();
  await bob.locator('input[name="q-1b.2"][value="PY"]').check();
  await expect(bob.getByRole("region", { name: /D1b\./ }).getByText("High risk").first()).toBeVisible();
  await bob.locator('input[name="q-1b.1"][value="Y"]').check();
  await expect(question("1b.2")).toHaveCount(0);

  // A cluster trial asks 3.1 as missing clusters (3.1a) and missing participants (3.1b); 3.2 appears after N/PN/NI
  // to either, offering no "no information".
  await expect(question("3.1")).toHaveCount(0);
  await bob.locator('input[name="q-3.1b"][value="Y"]').check();
  await expect(question("3.2")).toHaveCount(0);
  await bob.locator('input[name="q-3.1a"][value="PN"]').check();
  await expect(question("3.2")).toBeVisible();
  await expect(bob.locator('input[name="q-3.2"][value="NI"]')).toHaveCount(0);
  await expect(bob.locator('input[name="q-3.2"][value="NA"]')).toHaveCount(1);

  bob.once("dialog", (dialog) => void dialog.accept());
  await bob.getByLabel("Trial design").selectOption({ label: "Individually randomised crossover trial" });
  await expect(d1b).toHaveCount(0);
  await expect(bob.getByRole("heading", { name: "DS. Bias arising from period and carryover effects" })).toBeVisible();
  await bob.locator('input[name="q-S.1"][value="Y"]').check();
  await expect(question("S.2")).toHaveCount(0);
  await expect(bob.getByText("All changes saved.")).toBeVisible();
  await bob.reload();
  await expect(bob.getByLabel("Trial design")).toHaveValue("crossover");
  await expect(bob.locator('input[name="q-S.1"][value="Y"]')).toBeChecked();
});
