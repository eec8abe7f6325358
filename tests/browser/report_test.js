// Opens a dyad report in headless Chromium (Debian's chromium, driven by
// playwright-core) and checks that it renders: the charts are SVG elements
// with a real size and their marks (bars, Goldstein points, network nodes
// and edges, the world map's land and event points), the evidence is highlighted, nothing was fetched from outside
// the page, and nothing was logged as an error. Saves a full-page PNG.
//
//   node report_test.js REPORT.html OUT.png [MORE.png ...]
//
// Exit status: 0 pass, 1 fail, 77 skipped (no Chromium on this machine).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
const SKIP = 77;

async function main() {
  const [html, ...pngs] = process.argv.slice(2);
  if (!html || pngs.length === 0) {
    console.error('usage: node report_test.js REPORT.html OUT.png [MORE.png ...]');
    return 2;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`SKIP: no Chromium at ${CHROMIUM} (apt-get install chromium, or set DYAD_CHROMIUM)`);
    return SKIP;
  }
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    console.error('FAIL: cannot load playwright-core (npm ci in the source tree): ' + e.message);
    return 1;
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-chromium-'));
  let context;
  const failures = [];
  const check = (name, ok, detail) => {
    console.log((ok ? 'ok   ' : 'FAIL ') + name + (ok || detail === undefined ? '' : '  ' + detail));
    if (!ok) failures.push(name);
  };
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1100, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    const external = [];
    const pageUrl = 'file://' + path.resolve(html);
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('request', (req) => { if (req.url() !== pageUrl) external.push(req.url()); });
    const resp = await page.goto(pageUrl, { waitUntil: 'load', timeout: 30000 });
    check('page loads', resp === null || resp.ok());

    const info = await page.evaluate(() => {
      const size = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
      const svgs = [...document.querySelectorAll('svg.dyad-chart')];
      return {
        title: document.title,
        charts: svgs.length,
        unrendered: svgs.filter((s) => { const [w, h] = size(s); return w < 50 || h < 50; }).length,
        timelines: document.querySelectorAll('svg.dyad-timeline').length,
        bars: document.querySelectorAll('svg.dyad-timeline rect.bar').length,
        visibleBars: [...document.querySelectorAll('svg.dyad-timeline rect.bar')]
          .filter((r) => { const [w, h] = size(r); return w > 0 && h > 0; }).length,
        points: document.querySelectorAll('svg.dyad-timeline circle.goldstein').length,
        nodes: document.querySelectorAll('svg.dyad-network g.node').length,
        edges: document.querySelectorAll('svg.dyad-network g.edge').length,
        coverage: document.querySelectorAll('svg.dyad-coverage').length,
        maps: document.querySelectorAll('svg.dyad-map').length,
        land: [...document.querySelectorAll('svg.dyad-map path.land')]
          .filter((p) => { const [w, h] = size(p); return w > 300 && h > 100; }).length,
        places: document.querySelectorAll('svg.dyad-map circle.place').length,
        visiblePlaces: [...document.querySelectorAll('svg.dyad-map circle.place')]
          .filter((c) => { const [w, h] = size(c); return w > 1 && h > 1; }).length,
        placeTitles: [...document.querySelectorAll('svg.dyad-map circle.place title')]
          .map((t) => t.textContent),
        marks: document.querySelectorAll('#events mark.trg').length,
        sections: [...document.querySelectorAll('section h2')].map((h) => h.textContent),
        scripts: document.querySelectorAll('script').length,
      };
    });
    console.log('     ' + JSON.stringify(info));
    check('charts are SVG elements', info.charts >= 3, info.charts);
    check('every chart has a rendered size', info.unrendered === 0, info.unrendered);
    check('timelines drew quad-class bars', info.timelines >= 1 && info.visibleBars > 0,
          `${info.timelines} timelines, ${info.visibleBars}/${info.bars} bars`);
    check('timelines drew the Goldstein line points', info.points > 0, info.points);
    check('network drew nodes and edges', info.nodes >= 2 && info.edges >= 1,
          `${info.nodes} nodes, ${info.edges} edges`);
    check('coverage (denominator) chart present', info.coverage === 1);
    check('world map drawn with its land', info.maps === 1 && info.land === 1,
          `${info.maps} maps, ${info.land} land paths`);
    check('map has visible event points, each titled', info.places >= 2 &&
          info.visiblePlaces === info.places && info.placeTitles.every((t) => / events?$/.test(t)),
          `${info.visiblePlaces}/${info.places} points`);
    check('top events have highlighted triggers', info.marks > 0, info.marks);
    check('no scripts in the page', info.scripts === 0, info.scripts);
    check('nothing fetched from outside the page', external.length === 0, external.join(' '));
    check('no console errors', errors.length === 0, errors.join(' | '));

    for (const png of pngs) {
      fs.mkdirSync(path.dirname(path.resolve(png)), { recursive: true });
      await page.screenshot({ path: png, fullPage: true });
      const ok = fs.existsSync(png) && fs.statSync(png).size > 10000;
      check('screenshot saved to ' + png, ok);
    }
  } finally {
    if (context) await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(failures.length ? `${failures.length} failed` : 'all passed');
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error('FAIL: ' + (err && err.stack || err));
  process.exit(1);
});
