import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, started the way every browser test starts it. */
export const CHROMIUM_PATH = process.env.JIFEN_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with no background traffic of its own, so that any request a page makes is
 * the page's.
 *
 * @example
 * const browser = await launchBrowser(); const page = await browser.newPage(); … ; await browser.close();
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
