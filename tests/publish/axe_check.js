// Opens each HTML document in headless Chromium and runs axe-core with the WCAG 2.2 A and
// AA rules. Prints every violation with the elements it found; exits 1 when there is any.
//
//   node axe_check.js DOCUMENT.html...      (Chromium: $EQUIVALUE_CHROMIUM or /usr/bin/chromium)
'use strict';
const path = require('path');
const fs = require('fs');
const puppeteer = require('puppeteer-core');

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function check(browser, file) {
  const page = await browser.newPage();
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    kTags);
  await page.close();
  return result;
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node axe_check.js DOCUMENT.html...');
    process.exit(2);
  }
  const executablePath = process.env.EQUIVALUE_CHROMIUM || '/usr/bin/chromium';
  const profile = fs.mkdtempSync(path.join(require('os').tmpdir(), 'equivalue-axe-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--user-data-dir=' + profile],
  });
  let failures = 0;
  try {
    for (const file of files) {
      const result = await check(browser, file);
      if (result.violations.length === 0) {
        console.log(`${file}: no violations of WCAG 2.2 A or AA (axe-core ${result.testEngine.version})`);
        continue;
      }
      failures += result.violations.length;
      for (const v of result.violations) {
        console.log(`${file}: ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) console.log(`    ${node.target.join(' ')}: ${node.failureSummary}`);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
