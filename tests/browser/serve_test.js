// Opens `dyad serve`'s page in headless Chromium (Debian's chromium, driven
// by playwright-core), pastes a story, picks its date, codes it and checks
// that the events table shows the events POST /api/code gives for the same
// story (source, target, code, label, Goldstein, sentence, trigger), that the
// evidence is highlighted in the text, that clicking an event opens its
// "why" panel, that the world map draws a point per place of the events
// (sized by events, coloured by quad class, titled with the place; a
// sentence of our own with a place in it puts a point there), and that the
// store dashboard draws a dyad's timeline and map, and links a stored
// story's url only when it is http(s). Nothing
// may be fetched from another origin and nothing logged as an error (a
// Content-Security-Policy violation is one). Saves screenshots.
//
//   node serve_test.js URL STORY.txt DASHBOARD.png OUT.png [MORE.png ...]
//
// Exit status: 0 pass, 1 fail, 77 skipped (no Chromium on this machine).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
const SKIP = 77;
const DATE = '2025-03-14';

async function main() {
  const [url, storyFile, dashPng, ...pngs] = process.argv.slice(2);
  if (!url || !storyFile || !dashPng || pngs.length === 0) {
    console.error('usage: node serve_test.js URL STORY.txt DASHBOARD.png OUT.png [MORE.png ...]');
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
  const story = fs.readFileSync(storyFile, 'utf8');
  // What the API gives for this story: the table must show the same.
  const res = await fetch(url + 'api/code', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'web-1', date: DATE, text: story }),
  });
  const expected = await res.json();

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
      viewport: { width: 1200, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    const external = [];
    const origin = new URL(url).origin;
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('request', (req) => { if (!req.url().startsWith(origin + '/')) external.push(req.url()); });
    const resp = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    check('page loads', resp !== null && resp.ok());
    check('page has a Content-Security-Policy', /script-src 'self'/.test(resp.headers()['content-security-policy'] || ''));
    await page.waitForFunction(() => document.getElementById('version').textContent.length > 0);

    check('the API coded the story', res.ok && expected.events.length > 0, expected.events.length);
    await page.fill('#text', story);
    await page.fill('#date', DATE);
    await page.click('#code');
    await page.waitForSelector('#events tbody tr', { timeout: 30000 });
    const rows = await page.$$eval('#events tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const want = expected.events.map((e, i) => [
      String(i + 1), `${e.source.code} (${e.source.name})`, e.target ? `${e.target.code} (${e.target.name})` : '',
      e.code, expected.labels[e.code], e.goldstein === null ? '' : String(e.goldstein), e.plover || '',
      e.text, e.trigger]);
    check('the table lists the events of POST /api/code', JSON.stringify(rows) === JSON.stringify(want),
          JSON.stringify(rows).slice(0, 400) + ' vs ' + JSON.stringify(want).slice(0, 400));
    const marks = await page.$$eval('#story mark', (ms) => ms.map((m) => [m.className, m.textContent]));
    const triggers = marks.filter(([c]) => c === 'trg').map(([, t]) => t);
    check('triggers are highlighted in the story',
          expected.events.every((e) => triggers.includes(e.trigger)), JSON.stringify(marks));
    check('actors are highlighted', marks.some(([c]) => c === 'src') && marks.some(([c]) => c === 'tgt'));
    const storyText = await page.textContent('#story');
    check('the highlighted story is the story', storyText === story);

    await page.click('#events tbody tr:first-child');
    await page.waitForSelector('#why-body h3', { timeout: 30000 });
    const why = await page.textContent('#why-body');
    const e0 = expected.events[0];
    check('the why panel explains the first event',
          why.includes(e0.text) && why.includes(e0.evidence.pattern_origin || e0.evidence.pattern) &&
          why.includes(`${e0.source.code} → ${e0.target.code} : ${e0.code}`), why.slice(0, 300));
    // The map: the report's land, a point per place of the API's events.
    await page.waitForSelector('#map svg.dyad-map path.land', { timeout: 30000 });
    const wantPlaces = new Set(expected.events.filter((e) => e.location && typeof e.location.lat === 'number')
      .map((e) => `${e.location.name} (${e.location.country}${e.location.type === 'city' ? '' : ', ' + e.location.type})`));
    const mapInfo = await page.evaluate(() => ({
      visible: !document.getElementById('code-map').hidden,
      land: document.querySelector('#map path.land').getAttribute('d').length,
      points: [...document.querySelectorAll('#map circle.place')].map((c) => ({
        title: c.querySelector('title').textContent, fill: c.getAttribute('fill'), r: +c.getAttribute('r'),
        w: c.getBoundingClientRect().width })),
      legend: document.querySelectorAll('#map circle.legend').length,
      note: document.getElementById('map-note').textContent,
    }));
    const mapData = await (await fetch(url + 'api/map')).json();
    const titles = mapInfo.points.map((p) => p.title.replace(/: \d+ events?$/, ''));
    check('the map is drawn with the land of GET /api/map', mapInfo.visible && mapInfo.land === mapData.land.length,
          JSON.stringify({ visible: mapInfo.visible, land: mapInfo.land }));
    check('the map has a visible point per place of the events, each titled',
          wantPlaces.size > 0 && titles.length === wantPlaces.size && titles.every((t) => wantPlaces.has(t)) &&
          mapInfo.points.every((p) => p.w > 0),
          JSON.stringify(titles) + ' vs ' + JSON.stringify([...wantPlaces]));
    const colors = mapData.quad_classes.map((q) => q.color);
    check('points are coloured by quad class and the legend names the four',
          mapInfo.points.every((p) => colors.includes(p.fill)) && mapInfo.legend === 4, JSON.stringify(mapInfo.points));
    const counts = mapInfo.points.map((p) => +p.title.match(/(\d+) events?$/)[1]);
    const sizesAgree = mapInfo.points.every((p, i) => mapInfo.points.every((q, j) =>
      counts[i] <= counts[j] || p.r > q.r));
    check('a busier place has a larger point', sizesAgree, JSON.stringify(mapInfo.points.map((p) => [p.title, p.r])));
    check('the note counts the placed events', /^\d+ of \d+ events? placed at \d+ places?/.test(mapInfo.note), mapInfo.note);

    for (const png of pngs) {
      fs.mkdirSync(path.dirname(path.resolve(png)), { recursive: true });
      await page.screenshot({ path: png, fullPage: true });
      check('screenshot saved to ' + png, fs.existsSync(png) && fs.statSync(png).size > 10000);
    }

    // A sentence of our own with a place: a point appears there.
    const strike = 'Russian missiles struck a power station in Odesa on Thursday.';
    await page.fill('#text', strike);
    await page.fill('#date', '2024-03-14');
    await page.click('#code');
    await page.waitForFunction(() => [...document.querySelectorAll('#map circle.place title')]
      .some((t) => /Odes/.test(t.textContent)), null, { timeout: 30000 });
    const strikePoints = await page.$$eval('#map circle.place', (cs) => cs.map((c) => ({
      title: c.querySelector('title').textContent, cx: +c.getAttribute('cx'), cy: +c.getAttribute('cy'),
      fill: c.getAttribute('fill') })));
    const odesa = strikePoints[0] || {};
    check('a sentence naming Odesa puts one point at Odesa, coloured as material conflict',
          strikePoints.length === 1 && /^Odessa \(UKR\): 1 event$/.test(odesa.title) &&
          Math.abs(odesa.cx - (30.73 + 180)) < 0.5 && Math.abs(odesa.cy - (90 - 46.48)) < 0.5 &&
          odesa.fill === colors[3], JSON.stringify(strikePoints));

    // A bad request shows its error and the page keeps working.
    await page.fill('#date', '');
    await page.click('#code');
    check('a missing date is reported', /date/i.test(await page.textContent('#status')));

    // The dashboard.
    await page.click('#tab-store');
    await page.waitForSelector('svg.timeline rect.bar', { timeout: 30000 });
    await page.waitForSelector('#alerts p, #alerts li', { timeout: 30000 });
    const dash = await page.evaluate(() => ({
      options: document.querySelectorAll('#dyad option').length,
      bars: [...document.querySelectorAll('svg.timeline rect.bar')]
        .filter((r) => r.getBoundingClientRect().width > 0 && r.getBoundingClientRect().height > 0).length,
      points: document.querySelectorAll('svg.timeline circle.goldstein').length,
      alerts: document.getElementById('alerts').textContent,
    }));
    check('the dashboard lists dyads and draws a timeline',
          dash.options > 0 && dash.bars > 0 && dash.points > 0, JSON.stringify(dash));
    check('the dashboard shows the alerts section', dash.alerts.length > 0);
    await page.click('svg.timeline g.period:has(rect.bar)');
    await page.waitForSelector('#store-events table tr td', { timeout: 30000 });
    const n = await page.$$eval('#store-events table tr', (trs) => trs.length - 1);
    check('a period links to its events', n > 0, n);
    // The store's map: the dyad's deduplicated events by place (/api/places).
    await page.waitForSelector('#store-map svg.dyad-map circle.place', { timeout: 30000 });
    const storeTitles = await page.$$eval('#store-map circle.place title', (ts) => ts.map((t) => t.textContent));
    const [src, tgt] = (await page.inputValue('#dyad')).split('|');
    const places = await (await fetch(`${url}api/places?source=${encodeURIComponent(src)}&target=${encodeURIComponent(tgt)}`)).json();
    check('the dashboard maps the dyad\'s events as /api/places gives them',
          storeTitles.length > 0 && storeTitles.length === places.places.length &&
          places.places.every((p, i) => storeTitles[i].startsWith(p.name + ' (' + p.country)),
          JSON.stringify(storeTitles));
    // Stored stories' urls: an http(s) url is a link, anything else is text.
    for (const [id, href] of [['url-web', 'https://example.org/news/1'], ['url-js', null]]) {
      const link = await page.$(`#store-events a.story-link:text-is("${id}")`);
      check(`story ${id} is listed among the period's events`, link !== null);
      if (!link) continue;
      await link.click();
      await page.waitForFunction((sid) => ((document.querySelector('#stored-story h2') || {}).textContent || '')
        .startsWith('Story ' + sid), id, { timeout: 30000 });
      const hrefs = await page.$$eval('#stored-story a[href]', (as) => as.map((a) => a.getAttribute('href')));
      check(`story ${id}'s url is ${href ? 'a link' : 'not a link'}`,
            JSON.stringify(hrefs) === JSON.stringify(href ? [href] : []), JSON.stringify(hrefs));
    }
    await page.screenshot({ path: dashPng, fullPage: true });
    check('screenshot saved to ' + dashPng, fs.existsSync(dashPng) && fs.statSync(dashPng).size > 10000);

    check('nothing fetched from another origin', external.length === 0, external.join(' '));
    check('no console errors (CSP violations included)', errors.length === 0, errors.join(' | '));
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
