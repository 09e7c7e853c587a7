// `report --format pdf`: the HTML report printed by a headless Chromium (driven by
// playwright-core) with the page's own print layout (A4, each section from a new page). The page
// is self-contained; every request it might still make is refused, and the browser starts on an
// empty profile of its own with its background networking off.
import { accessSync, constants, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@casepulse/config";
import { oneLine } from "./usage-exit.ts";
import { UsageError } from "./usage-error.ts";

/** Where distributions put it, in the order looked at when CASEPULSE_CHROMIUM is unset. */
export const CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The Chromium to print with, found before anything is read, so a missing one costs nothing. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.CASEPULSE_CHROMIUM;
  if (named) {
    if (!executable(named)) throw new ConfigError(`invalid environment variable CASEPULSE_CHROMIUM (${JSON.stringify(named)}): not an executable file`);
    return named;
  }
  const found = CHROMIUM_PATHS.find(executable);
  if (!found) throw new UsageError(`--format pdf needs Chromium, and none is at ${CHROMIUM_PATHS.join(", ")}: install it (infra/scripts/ensure-chromium.sh) or set CASEPULSE_CHROMIUM to its path`);
  return found;
}

/** The page as a PDF of A4 pages (the page's @page rule), backgrounds and colours included. */
export async function printPdf(html: string, chromiumPath: string): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "casepulse-chromium-"));
  try {
    const browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: FLAGS }).catch((err: Error) => {
      throw new Error(`cannot start Chromium (${chromiumPath}): ${oneLine(err.message.split("\n")[0] ?? "")}`);
    });
    try {
      const page = await browser.newPage();
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html, { waitUntil: "load" });
      return await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
