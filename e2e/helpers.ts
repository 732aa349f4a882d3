import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page } from "@playwright/test";

export const PASSWORD = "e2e password 1234";

export function uniqueEmail(name: string): string {
  return `${name}-${randomBytes(4).toString("hex")}@e2e.sift`;
}

/** Fills the sign-up form on the current page; sign-up then sends new and taken addresses alike to sign in. */
export async function submitSignUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up and then in, ending where the sign-up page's way back leads. */
export async function signUp(page: Page, name: string, email: string, path = "/sign-up") {
  await page.goto(path);
  await submitSignUp(page, name, email);
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await submitSignIn(page, email);
}

/** Fills the sign-in form on the current page, keeping its way back. */
export async function submitSignIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
}

export async function expectOnReviews(page: Page) {
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(page.getByRole("heading", { name: "Reviews", exact: true })).toBeVisible();
}

export const section = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name, exact: true });

/** The lead invites a reviewer, who signs up through the link and accepts. */
export async function addReviewer(browser: Browser, lead: Page, name: string): Promise<Page> {
  await section(lead, "Team").click();
  const email = uniqueEmail(name.toLowerCase());
  await lead.getByLabel("Email").fill(email);
  await lead.getByLabel("Role").selectOption("reviewer");
  await lead.getByRole("button", { name: "Send invitation" }).click();
  // The previous invitation's link stays on screen until this one's arrives.
  await expect(lead.getByText(`Invitation created for ${email}`)).toBeVisible();
  const link = await lead.getByLabel("Invitation link").inputValue();
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create account" }).click();
  await submitSignUp(page, name, email);
  await expect(page).toHaveURL(/\/sign-in\?signedUp=1/);
  await submitSignIn(page, email);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(section(page, "Screening")).toBeVisible();
  return page;
}
