// Finds a Chrome/Chromium binary: CHROME_PATH first, then the usual places. Returns undefined
// when there is none, so callers decide whether to install one or stop with a message.
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/lib/chromium/chromium', // Debian's real binary; /usr/bin/chromium is a shell wrapper
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return candidates.find((path) => existsSync(path));
}

/** Flags every launch uses here: headless, as root, on a machine with a closed network. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Test pages run side by side in one browser: keep timers and frames of the ones in the
  // background at full speed, or fixtures waiting for a frame stall.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
