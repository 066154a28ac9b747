// Screenshot of a published document in headless Chromium, for docs/screenshots/:
//   node screenshot.js DOCUMENT.html OUT.png [HEIGHT] [SELECTOR]
// HEIGHT: pixels from the top (default 1400); SELECTOR: capture that element instead.
'use strict';
const path = require('path');
const fs = require('fs');
const puppeteer = require('puppeteer-core');

async function main() {
  const [file, out, height = '1400', selector] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(require('os').tmpdir(), 'equivalue-shot-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.EQUIVALUE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--user-data-dir=' + profile],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: Number(height) });
    await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
    if (selector) {
      const element = await page.$(selector);
      await element.screenshot({ path: out });
    } else {
      await page.screenshot({ path: out });
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
