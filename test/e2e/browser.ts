// Debian's Chromium driven by playwright-core, and axe-core checks of pages.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { startTestSystem, type TestSystem } from "../support/system.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page and fails with a readable list of violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // evaluate() runs through the DevTools protocol, so the page's strict CSP does not block axe.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (options: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] },
    });
    return result.violations;
  })) as AxeViolation[];
  const summary = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  assert.deepEqual(summary, [], `accessibility violations on ${what}`);
}

/** Logs in at the ESIA stand-in: the login form, then the consent page. */
export async function loginAtStandin(page: Page, phone: string, password = "Test-1234"): Promise<void> {
  await page.getByLabel("Телефон, почта или СНИЛС").fill(phone);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.getByRole("button", { name: "Предоставить" }).click();
}

/** From the cabinet's login through the stand-in to the clinic's cabinet in the given role. */
export async function enterClinicAs(
  page: Page,
  cabinetUrl: string,
  phone: string,
  role: "Руководитель" | "Сотрудник",
): Promise<void> {
  await page.goto(`${cabinetUrl}/auth/esia/login`);
  await loginAtStandin(page, phone);
  await page.getByLabel(/От имени организации «ГБУЗ/).check();
  await page.getByRole("button", { name: "Продолжить" }).click();
  await page.getByLabel(new RegExp(role)).check();
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(`${cabinetUrl}/org`);
}

/** Full-page screenshots at 1280 and 360 px into `dir` (when set), for a person to look at. */
export async function saveScreens(page: Page, dir: string | undefined, name: string): Promise<void> {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * One running system and one Chromium for a walk file: started before its tests, closed after.
 * `newPage` opens a fresh browser context (its own cookies) at the desktop width.
 */
export function walkSetup(): {
  readonly system: TestSystem;
  readonly browser: Browser;
  newPage(): Promise<Page>;
} {
  let system: TestSystem | undefined;
  let browser: Browser | undefined;
  before(async () => {
    system = await startTestSystem({ listen: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the walk's system is not started yet");
    return value;
  };
  return {
    get system() {
      return started(system);
    },
    get browser() {
      return started(browser);
    },
    async newPage() {
      const context = await started(browser).newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
  };
}

/** Follows a menu link as a person would: on a phone the menu is folded, so it is opened first. */
export async function openSection(page: Page, name: string): Promise<void> {
  const wide = page.locator(".site-nav__wide").getByRole("link", { name });
  if (await wide.isVisible()) return wide.click();
  await page.locator(".site-nav__toggle").click();
  await page.locator(".site-nav__narrow").getByRole("link", { name }).click();
}
