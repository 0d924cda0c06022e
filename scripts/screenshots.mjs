#!/usr/bin/env node
// Screenshots of every story (every element in every state) from the static Storybook build,
// in Debian's Chromium: `npm run build-storybook && node scripts/screenshots.mjs [filter]`.
// Writes screenshots/<story-id>.png (gitignored): for reviewing what a person sees.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './find-chrome.mjs';

const root = 'storybook-static';
if (!existsSync(join(root, 'index.json'))) {
  console.error('Build Storybook first: npm run build-storybook');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const filter = process.argv[2] ?? '';
const stories = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries).filter(
  (entry) => entry.type === 'story' && entry.id.includes(filter),
);
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
for (const story of stories) {
  await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
  await page.waitForSelector('#storybook-root > *, #root-inner > *', { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(600); // let loads settle and animations reach a frame
  await page.screenshot({ path: `screenshots/${story.id}.png`, fullPage: true });
  console.log(`screenshots/${story.id}.png`);
}
await browser.close();
server.close();
