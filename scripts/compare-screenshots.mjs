#!/usr/bin/env node
// Compares two folders of screenshots (from scripts/screenshots.mjs) pixel by pixel in Chromium:
// `node scripts/compare-screenshots.mjs before/ after/` lists each story whose picture changed,
// with the share of pixels that differ, and the stories found in only one folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './find-chrome.mjs';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node scripts/compare-screenshots.mjs <before-folder> <after-folder>');
  process.exit(2);
}
const names = (dir) => new Set(readdirSync(dir).filter((name) => name.endsWith('.png')));
const [a, b] = [names(before), names(after)];
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const page = await browser.newPage();
let changed = 0;
for (const name of [...a].filter((n) => b.has(n)).sort()) {
  const urls = [before, after].map((dir) => `data:image/png;base64,${readFileSync(join(dir, name)).toString('base64')}`);
  const diff = await page.evaluate(async (urls) => {
    const pixels = await Promise.all(
      urls.map(async (url) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
      }),
    );
    const [x, y] = pixels;
    if (x.width !== y.width || x.height !== y.height) return `size ${x.width}×${x.height} → ${y.width}×${y.height}`;
    let different = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) different++;
    }
    return different ? `${((100 * different) / (x.width * x.height)).toFixed(3)} % of pixels` : '';
  }, urls);
  if (diff) {
    changed++;
    console.log(`changed  ${name}: ${diff}`);
  }
}
for (const name of [...a].filter((n) => !b.has(n))) console.log(`only in ${before}: ${name}`);
for (const name of [...b].filter((n) => !a.has(n))) console.log(`only in ${after}: ${name}`);
console.log(`${[...a].filter((n) => b.has(n)).length} compared, ${changed} changed`);
await browser.close();
