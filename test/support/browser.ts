import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where a system Chromium lives (Debian: `apt-get install chromium`); CHROMIUM_PATH overrides. Playwright never downloads one. */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p): p is string => !!p && existsSync(p));
}

/** Headless Chromium from the system (no sandbox: CI runs as root in a container). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH).');
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}
