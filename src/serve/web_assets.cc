#include "serve/web_assets.h"

namespace dyad::serve {
namespace {

// The page: a story form and its events; with a store, a dashboard. Every
// element the browser test looks for has an id.
constexpr std::string_view kIndexHtml = R"DYAD(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dyad</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <h1>dyad</h1>
  <nav>
    <button id="tab-code" class="tab active" type="button">Code a story</button>
    <button id="tab-store" class="tab" type="button" hidden>Store dashboard</button>
  </nav>
  <span id="version"></span>
</header>
<main>
<section id="code-view">
  <div class="form">
    <label>Story text <textarea id="text" rows="8" placeholder="Paste a news story in English"></textarea></label>
    <div class="row">
      <label>Date <input id="date" type="date" required></label>
      <label>Story id <input id="story-id" type="text" value="web-1"></label>
      <label>Or a file <input id="file" type="file" accept=".txt,text/plain"></label>
      <button id="code" type="button">Code</button>
    </div>
  </div>
  <p id="status" role="status"></p>
  <div id="story"></div>
  <table id="events" hidden>
    <thead><tr><th>#</th><th>source</th><th>target</th><th>code</th><th>label</th><th>Goldstein</th><th>PLOVER</th><th>sentence</th><th>trigger</th></tr></thead>
    <tbody></tbody>
  </table>
  <section id="code-map" hidden>
    <h2>Where</h2>
    <p id="map-note"></p>
    <div id="map"></div>
  </section>
  <aside id="why" hidden>
    <h2>Why: sentence <span id="why-n"></span></h2>
    <div id="why-body"></div>
  </aside>
</section>
<section id="store-view" hidden>
  <div class="row">
    <label>Dyad <select id="dyad"></select></label>
    <label>By <select id="by"><option>day</option><option selected>week</option><option>month</option></select></label>
  </div>
  <h2>Network of the top dyads</h2>
  <div id="network"></div>
  <h2>Timeline</h2>
  <div id="timeline"></div>
  <h2>Events</h2>
  <div id="store-events"></div>
  <div id="stored-story"></div>
  <h2>Where</h2>
  <p id="store-map-note"></p>
  <div id="store-map"></div>
  <h2>Alerts</h2>
  <div id="alerts"></div>
</section>
</main>
</body>
</html>
)DYAD";

constexpr std::string_view kAppCss = R"DYAD(
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #222; }
header { display: flex; gap: 1.5em; align-items: center; padding: .5em 1em; background: #234; color: #fff; }
header h1 { font-size: 1.3em; margin: 0; }
#version { margin-left: auto; font-size: .85em; opacity: .8; }
.tab { background: none; color: #cde; border: 0; padding: .4em .8em; cursor: pointer; font-size: 1em; }
.tab.active { color: #fff; border-bottom: 2px solid #fc6; }
main { padding: 1em; }
textarea { width: 100%; box-sizing: border-box; font: inherit; }
.form label { display: block; }
.row { display: flex; gap: 1em; align-items: end; flex-wrap: wrap; margin: .5em 0; }
button#code { padding: .4em 1.5em; }
#status.error { color: #b00; }
#story { white-space: pre-wrap; border-left: 3px solid #ccd; padding: .3em .8em; margin: .5em 0; }
mark.trg { background: #fd8; }
mark.src { background: #bdf; }
mark.tgt { background: #fbc; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { border-bottom: 1px solid #ddd; padding: .25em .4em; text-align: left; vertical-align: top; }
tbody tr { cursor: pointer; }
tbody tr:hover, tbody tr.selected { background: #eef4ff; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
aside#why { border: 1px solid #ccd; padding: .5em 1em; background: #fafbff; }
aside#why h3 { margin: .6em 0 .2em; font-size: 1em; }
.dropped { color: #a40; }
.ok { color: #070; }
code { font-size: .95em; }
svg.timeline { width: 100%; max-width: 900px; height: 240px; }
svg.network { width: 100%; max-width: 520px; height: 420px; }
svg.network text { font-size: 11px; fill: #222; }
svg.network .edge { cursor: pointer; }
#story .text { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 8px; }
a.story-link { cursor: pointer; text-decoration: underline; }
svg.timeline text { font-size: 10px; fill: #444; }
svg.dyad-map { width: 100%; max-width: 900px; height: auto; display: block; }
svg.dyad-map text { font-size: 4px; fill: #333; }
svg.dyad-map circle.place { cursor: default; }
#stored-story .text { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 8px; }
)DYAD";

constexpr std::string_view kAppJs = R"DYAD('use strict';
// dyad serve's page: calls /api/* on this origin only. Text from the server
// is put into the page with textContent, never as HTML.
(function () {
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const api = async (path, body) => {
    const opt = body === undefined ? {} :
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const res = await fetch(path, opt);
    const data = await res.json();
    if (!res.ok) throw new Error(data.error || ('HTTP ' + res.status));
    return data;
  };
  const status = (msg, isError) => { $('status').textContent = msg; $('status').className = isError ? 'error' : ''; };

  let lastStory = null;   // {id, date, text} last coded
  let explained = null;   // its /api/explain document

  // The story text with the events' evidence marked: spans are bytes of the
  // UTF-8 text, so the text is cut as bytes.
  function showStory(text, events) {
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const marks = [];
    for (const e of events) {
      const ev = e.evidence || {};
      for (const [k, cls] of [['trigger', 'trg'], ['source', 'src'], ['target', 'tgt']]) {
        const s = ev[k];
        if (Array.isArray(s) && s.length === 2 && s[1] > s[0]) marks.push([s[0], s[1], cls]);
      }
    }
    marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const box = $('story');
    box.replaceChildren();
    let at = 0;
    for (const [b, e, cls] of marks) {
      if (b < at) continue;  // overlapping: the first one wins
      box.append(dec.decode(bytes.slice(at, b)));
      box.append(el('mark', dec.decode(bytes.slice(b, e)), cls));
      at = e;
    }
    box.append(dec.decode(bytes.slice(at)));
  }

  async function codeStory() {
    const text = $('text').value;
    const date = $('date').value;
    if (!text.trim()) { status('Paste a story first.', true); return; }
    if (!date) { status('Pick the story date.', true); return; }
    status('Coding…');
    $('why').hidden = true;
    $('code-map').hidden = true;
    explained = null;
    lastStory = { id: $('story-id').value || 'web-1', date, text };
    let data;
    try {
      data = await api('/api/code', lastStory);
    } catch (err) {
      status('Error: ' + err.message, true);
      return;
    }
    const tbody = $('events').querySelector('tbody');
    tbody.replaceChildren();
    data.events.forEach((e, i) => {
      const tr = document.createElement('tr');
      tr.dataset.sentence = e.sentence;
      tr.append(el('td', i + 1, 'num'), el('td', e.source.code + ' (' + e.source.name + ')'),
        el('td', e.target ? e.target.code + ' (' + e.target.name + ')' : ''),
        el('td', e.code), el('td', (data.labels || {})[e.code] || ''),
        el('td', e.goldstein === null ? '' : e.goldstein, 'num'), el('td', e.plover || ''),
        el('td', e.text), el('td', e.trigger));
      tr.addEventListener('click', () => {
        for (const r of tbody.children) r.classList.remove('selected');
        tr.classList.add('selected');
        why(e.sentence);
      });
      tbody.append(tr);
    });
    $('events').hidden = data.events.length === 0;
    showStory(text, data.events);
    await showMap($('map'), $('map-note'), placesOf(data.events), data.events.length);
    $('code-map').hidden = data.events.length === 0;
    const st = data.stats;
    let msg = `${data.events.length} event${data.events.length === 1 ? '' : 's'} from ${st.sentences} sentences.`;
    if (data.errors.length) msg += ' ' + data.errors.join('; ');
    if (data.skipped.length) msg += ' ' + data.skipped.join('; ');
    msg += data.events.length ? ' Click an event to see why it was coded.' : '';
    status(msg, data.errors.length > 0 || data.skipped.length > 0);
  }

  function list(title, items) {
    const d = el('div');
    d.append(el('h3', title));
    const ul = el('ul');
    for (const [text, cls] of items) ul.append(el('li', text, cls));
    d.append(ul);
    return d;
  }

  async function why(n) {
    const body = $('why-body');
    $('why').hidden = false;
    $('why-n').textContent = n;
    body.replaceChildren(el('p', 'Explaining…'));
    try {
      if (!explained) explained = await api('/api/explain', lastStory);
    } catch (err) {
      body.replaceChildren(el('p', 'Error: ' + err.message, 'dropped'));
      return;
    }
    const s = (explained.sentences || []).find((x) => x.sentence === n);
    body.replaceChildren();
    if (!s) { body.append(el('p', 'No analysis for this sentence.')); return; }
    body.append(el('p', s.text));
    body.append(list('Actors', (s.phrases || []).flatMap((p) => (p.actors || []).map((a) =>
      [`“${a.words}” → ${a.code || "(no actor)"}: ${a.how}` + (a.entry ? ` (${a.entry.origin})` : ''), '']))));
    body.append(list('Verbs', (s.verbs || []).filter((v) => v.dictionary_verb).map((v) => {
      const matched = (v.patterns_tried || []).filter((p) => p.matched).map((p) => `${p.pattern} (${p.origin})`);
      let t = `“${v.text}” ${v.asserted ? 'asserted' : 'not asserted' + (v.blocked ? ': ' + v.blocked : '')}`;
      if (matched.length) t += '; pattern ' + matched.join(', ');
      return [t, v.asserted ? 'ok' : 'dropped'];
    })));
    body.append(list('Events', (s.events || []).map((e) =>
      [`${e.source} → ${e.target} : ${e.code} (“${e.trigger}”, ${e.how}; ${e.pattern} at ${e.origin})`, 'ok'])));
    const dropped = (s.verbs || []).flatMap((v) => v.dropped || []).concat(s.notes || []);
    if (dropped.length) body.append(list('Dropped and notes', dropped.map((d) => [d, 'dropped'])));
  }

  // ---- store dashboard ----
  const QUADS = [['verbal_coop', '#6a6'], ['material_coop', '#3a3'], ['verbal_conflict', '#e90'], ['material_conflict', '#c33']];
  const svgEl = (tag, attrs) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  };

  async function loadDyads() {
    const data = await api('/api/dyads?limit=50');
    const sel = $('dyad');
    sel.replaceChildren();
    for (const d of data.dyads) {
      const o = el('option', `${d.source} → ${d.target} (${d.mentions})`);
      o.value = d.source + '|' + d.target;
      sel.append(o);
    }
    drawNetwork(data.dyads.slice(0, 20));
    if (data.dyads.length) await loadTimeline();
  }

  // The top dyads as a network: actors on a circle, one arrow per directed
  // dyad, its width by mentions. Clicking an arrow opens that dyad's timeline.
  function drawNetwork(dyads) {
    const box = $('network');
    box.replaceChildren();
    if (!dyads.length) { box.append(el('p', 'No dyads in the store.')); return; }
    const actors = [];
    for (const d of dyads) for (const a of [d.source, d.target]) if (!actors.includes(a)) actors.push(a);
    const W = 520, H = 420, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 50;
    const pos = {};
    actors.forEach((a, i) => {
      const t = 2 * Math.PI * i / actors.length - Math.PI / 2;
      pos[a] = [cx + R * Math.cos(t), cy + R * Math.sin(t)];
    });
    const max = Math.max(...dyads.map((d) => d.mentions));
    const svg = svgEl('svg', { class: 'network', viewBox: `0 0 ${W} ${H}`, role: 'img' });
    const defs = svgEl('defs', {});
    const marker = svgEl('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' });
    marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#666' }));
    defs.append(marker);
    svg.append(defs);
    for (const d of dyads) {
      const [x1, y1] = pos[d.source], [x2, y2] = pos[d.target];
      if (d.source === d.target) continue;
      // Curved a little to the side, so that A→B and B→A stay apart.
      const mx = (x1 + x2) / 2 + (y2 - y1) * 0.12, my = (y1 + y2) / 2 - (x2 - x1) * 0.12;
      const len = Math.hypot(x2 - mx, y2 - my) || 1, ex = x2 - (x2 - mx) / len * 14, ey = y2 - (y2 - my) / len * 14;
      const path = svgEl('path', { class: 'edge', d: `M${x1},${y1} Q${mx},${my} ${ex},${ey}`, fill: 'none',
        stroke: '#666', 'stroke-opacity': 0.7, 'stroke-width': 1 + 6 * d.mentions / max, 'marker-end': 'url(#arrow)' });
      const tip = svgEl('title', {}); tip.textContent = `${d.source} → ${d.target}: ${d.mentions} mentions`;
      path.append(tip);
      path.addEventListener('click', () => { $('dyad').value = d.source + '|' + d.target; loadTimeline(); });
      svg.append(path);
    }
    for (const a of actors) {
      const [x, y] = pos[a];
      svg.append(svgEl('circle', { class: 'node', cx: x, cy: y, r: 10, fill: '#4a6fa5' }));
      const t = svgEl('text', { x: x, y: y < cy ? y - 14 : y + 22, 'text-anchor': 'middle' });
      t.textContent = a;
      svg.append(t);
    }
    box.append(svg);
  }

  // ---- the world map: the report's land, projection, point sizes and
  // colours (GET /api/map, src/report/map.h), events' places drawn on it ----
  let mapFrame = null;
  const getMap = async () => mapFrame || (mapFrame = await api('/api/map'));

  // Events' locations grouped as the report's map groups them (one point per
  // place, coloured by its most frequent quad class), busiest first; events
  // whose location has no point are left out. Same shape as /api/places.
  function placesOf(events) {
    const by = new Map();
    for (const e of events) {
      const l = e.location;
      if (!l || typeof l.lat !== 'number' || typeof l.lon !== 'number') continue;
      const key = [l.country, l.type, l.name].join('\u0001');
      let p = by.get(key);
      if (!p) by.set(key, (p = { name: l.name, country: l.country, type: l.type, lat: l.lat, lon: l.lon, events: 0, quad: [0, 0, 0, 0] }));
      p.events++;
      if (e.quad_class >= 1 && e.quad_class <= 4) p.quad[e.quad_class - 1]++;
    }
    const out = [...by.values()];
    for (const p of out) {
      let q = 0;
      for (let i = 1; i < 4; i++) if (p.quad[i] > p.quad[q]) q = i;
      p.quad_class = q + 1;
    }
    return out.sort((a, b) => b.events - a.events);
  }

  // Draws `points` on the world map into `box`, a line about them in `note`.
  async function showMap(box, note, points, total) {
    let m;
    try { m = await getMap(); } catch (err) { box.replaceChildren(el('p', 'Error: ' + err.message, 'dropped')); return; }
    const [x0, y0, w, h] = m.view_box;
    const svg = svgEl('svg', { class: 'dyad-map', viewBox: `${x0} ${y0} ${w} ${h}`, role: 'img',
      'aria-label': 'Map of where the events happened' });
    svg.append(svgEl('rect', { x: x0, y: y0, width: w, height: h, fill: '#eef3f7' }));
    svg.append(svgEl('path', { class: 'land', d: m.land, fill: '#d9dee3', stroke: '#b8c0c8', 'stroke-width': 0.15 }));
    const most = Math.max(1, ...points.map((p) => p.events));
    let placed = 0;
    for (const p of points) {  // busiest first, so that small points stay on top
      placed += p.events;
      const c = svgEl('circle', { class: 'place', cx: p.lon + 180, cy: 90 - p.lat,
        r: m.radius.min + m.radius.scale * Math.sqrt(p.events / most),
        fill: m.quad_classes[p.quad_class - 1].color, 'fill-opacity': 0.75, stroke: '#fff', 'stroke-width': 0.2 });
      const tip = svgEl('title', {});
      tip.textContent = `${p.name} (${p.country}${p.type === 'city' ? '' : ', ' + p.type}): ${p.events} event${p.events === 1 ? '' : 's'}`;
      c.append(tip);
      svg.append(c);
    }
    let lx = x0 + 4;
    const ly = y0 + h - 6;
    for (const q of m.quad_classes) {
      svg.append(svgEl('circle', { class: 'legend', cx: lx + 1, cy: ly, r: 1.4, fill: q.color }));
      const t = svgEl('text', { x: lx + 3.5, y: ly + 1.4 });
      t.textContent = q.label;
      svg.append(t);
      lx += 48;
    }
    box.replaceChildren(svg);
    note.textContent = `${placed} of ${total} event${total === 1 ? '' : 's'} placed at ${points.length} place${points.length === 1 ? '' : 's'}` +
      ' (a point per place, its area by events, its colour by their most frequent quad class; hover for the place).';
  }

  // Only http(s) links: a story's url is the feed's, not ours.
  const webUrl = (u) => typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u);

  // A stored story with its events (/api/stories/{id}), evidence marked.
  async function loadStory(id) {
    const box = $('stored-story');
    let data;
    try { data = await api('/api/stories/' + encodeURIComponent(id)); } catch (err) { box.replaceChildren(el('p', 'Error: ' + err.message, 'dropped')); return; }
    const s = data.story;
    const text = el('div', null, 'text');
    const bytes = new TextEncoder().encode(s.text), dec = new TextDecoder();
    const marks = [];
    for (const e of data.events) for (const [k, cls] of [['source', 'src'], ['target', 'tgt'], ['trigger', 'trg']]) {
      const sp = e.evidence && e.evidence[k];
      if (sp) marks.push([sp[0], sp[1], cls]);
    }
    marks.sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [b, e, cls] of marks) {
      if (b < at) continue;
      text.append(dec.decode(bytes.slice(at, b)));
      text.append(el('mark', dec.decode(bytes.slice(b, e)), cls));
      at = e;
    }
    text.append(dec.decode(bytes.slice(at)));
    const ul = el('ul');
    for (const e of data.events) ul.append(el('li', `${e.date} ${e.source.code} → ${e.target ? e.target.code : '—'}: ${e.code} (${e.trigger})`));
    const head = el('h2', `Story ${s.id} (${s.date}${s.publisher ? ', ' + s.publisher : ''})`);
    if (webUrl(s.url)) {
      const a = el('a', 'source', 'source-link');
      a.href = s.url;
      a.rel = 'noopener noreferrer';
      head.append(' · ', a);
    } else if (s.url) {
      head.append(el('span', ' · ' + s.url, 'source-url'));
    }
    box.replaceChildren(head, text, ul);
  }

  async function loadTimeline() {
    const [source, target] = $('dyad').value.split('|');
    const by = $('by').value;
    const box = $('timeline');
    box.replaceChildren();
    $('store-events').replaceChildren();
    loadStoreMap(source, target);
    let data;
    try {
      data = await api(`/api/timeline?source=${encodeURIComponent(source)}&target=${encodeURIComponent(target)}&by=${by}`);
    } catch (err) { box.append(el('p', 'Error: ' + err.message, 'dropped')); return; }
    const rows = data.series[0].rows;
    const W = 900, H = 240, L = 30, B = 40, n = Math.max(rows.length, 1);
    const max = Math.max(1, ...rows.map((r) => QUADS.reduce((s, [q]) => s + r[q], 0)));
    const bw = (W - L) / n;
    const svg = svgEl('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'img' });
    svg.append(svgEl('line', { x1: L, y1: H - B, x2: W, y2: H - B, stroke: '#888' }));
    const t = svgEl('text', { x: 0, y: 12 }); t.textContent = String(max); svg.append(t);
    rows.forEach((r, i) => {
      let y = H - B;
      const g = svgEl('g', { class: 'period' });
      for (const [q, color] of QUADS) {
        const h = (H - B - 20) * r[q] / max;
        if (h > 0) {
          const rect = svgEl('rect', { class: 'bar', x: L + i * bw + 1, y: y - h, width: Math.max(bw - 2, 1), height: h, fill: color });
          const tip = svgEl('title', {}); tip.textContent = `${r.period}: ${r[q]} ${q.replace('_', ' ')}`;
          rect.append(tip);
          g.append(rect);
          y -= h;
        }
      }
      if (r.goldstein_mean !== null) {
        const gy = (H - B) / 2 - (r.goldstein_mean / 10) * ((H - B) / 2 - 10);
        g.append(svgEl('circle', { class: 'goldstein', cx: L + i * bw + bw / 2, cy: gy, r: 3, fill: '#225' }));
      }
      if (n <= 16 || i % Math.ceil(n / 16) === 0) {
        const lbl = svgEl('text', { x: L + i * bw, y: H - B + 14 }); lbl.textContent = r.period; g.append(lbl);
      }
      g.addEventListener('click', () => loadEvents(source, target, r.period_start, rows[i + 1] ? rows[i + 1].period_start : null));
      svg.append(g);
    });
    box.append(svg);
    box.append(el('p', 'Bars: events by quad class (green cooperation, orange/red conflict); dots: mean Goldstein. Click a period for its events.'));
  }

  // Where the dyad's deduplicated events happened (/api/places).
  async function loadStoreMap(source, target) {
    try {
      const data = await api(`/api/places?source=${encodeURIComponent(source)}&target=${encodeURIComponent(target)}`);
      await showMap($('store-map'), $('store-map-note'), data.places, data.events);
    } catch (err) { $('store-map').replaceChildren(el('p', 'Error: ' + err.message, 'dropped')); }
  }

  async function loadEvents(source, target, from, next) {
    const box = $('store-events');
    let to = '';
    if (next) { const d = new Date(next + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() - 1); to = d.toISOString().slice(0, 10); }
    const data = await api(`/api/events?source=${encodeURIComponent(source)}&target=${encodeURIComponent(target)}&from=${from}` + (to ? `&to=${to}` : '') + '&limit=200');
    const table = el('table');
    const head = el('tr');
    for (const h of ['date', 'story', 'code', 'Goldstein', 'sentence', 'trigger']) head.append(el('th', h));
    table.append(head);
    for (const e of data.events) {
      const tr = el('tr');
      const link = el('a', e.story_id, 'story-link');
      link.addEventListener('click', () => loadStory(e.story_id));
      const story = el('td');
      story.append(link);
      tr.append(el('td', e.date), story, el('td', e.code), el('td', e.goldstein, 'num'), el('td', e.text), el('td', e.trigger));
      table.append(tr);
    }
    box.replaceChildren(el('p', `${data.total} events from ${from}` + (to ? ` to ${to}` : '')), table);
  }

  async function loadAlerts() {
    const data = await api('/api/alerts?by=' + $('by').value);
    const box = $('alerts');
    box.replaceChildren();
    if (!data.alerts.length) { box.append(el('p', 'No alerts (they need some weeks of history).')); return; }
    const ul = el('ul');
    for (const a of data.alerts) ul.append(el('li', `${a.period} ${a.source} → ${a.target}: conflict level ${a.level.toFixed(1)}, z = ${a.z.toFixed(1)} (${a.events} events)`));
    box.append(ul);
  }

  function show(view) {
    $('code-view').hidden = view !== 'code';
    $('store-view').hidden = view !== 'store';
    $('tab-code').classList.toggle('active', view === 'code');
    $('tab-store').classList.toggle('active', view === 'store');
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('date').value = new Date().toISOString().slice(0, 10);
    $('code').addEventListener('click', codeStory);
    $('file').addEventListener('change', async () => {
      const f = $('file').files[0];
      if (f) { $('text').value = await f.text(); $('story-id').value = f.name; }
    });
    $('tab-code').addEventListener('click', () => show('code'));
    $('tab-store').addEventListener('click', async () => {
      show('store');
      try { await loadDyads(); await loadAlerts(); } catch (err) { $('timeline').replaceChildren(el('p', 'Error: ' + err.message, 'dropped')); }
    });
    $('dyad').addEventListener('change', loadTimeline);
    $('by').addEventListener('change', async () => { await loadTimeline(); await loadAlerts(); });
    try {
      const h = await api('/api/health');
      $('version').textContent = `${h.coder} · ${h.dictionary}`;
      $('tab-store').hidden = !h.store;
    } catch (err) { status('The server does not answer: ' + err.message, true); }
  });
})();
)DYAD";

}  // namespace

const std::vector<Asset>& WebAssets() {
  static const std::vector<Asset> assets = {
      {"/", "text/html; charset=utf-8", kIndexHtml},
      {"/app.js", "text/javascript; charset=utf-8", kAppJs},
      {"/app.css", "text/css; charset=utf-8", kAppCss},
  };
  return assets;
}

const std::vector<Header>& PageHeaders() {
  static const std::vector<Header> headers = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Frame-Options", "DENY"},
  };
  return headers;
}

}  // namespace dyad::serve
