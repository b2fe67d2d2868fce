import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, which the dashboard test drives with playwright-core (no browser download). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Installs Debian's `chromium` with apt-get if it is missing; returns its path. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  console.log('chromium: missing, installing it with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium: apt-get ran but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}
