// The pmp dashboard: plain JavaScript over the JSON API, no build step. Routes: #/, #/dataset/<id>, #/gaps,
// #/leaderboard[?year=Y&month=M].
(function () {
  'use strict';
  const view = document.getElementById('view');
  const message = document.getElementById('message');
  const tokenInput = document.getElementById('token');
  let refreshTimer = null;
  let chart = null;
  let sort = { key: 'id', dir: 1 };

  tokenInput.value = sessionStorage.getItem('pmp-token') || '';
  tokenInput.addEventListener('change', () => sessionStorage.setItem('pmp-token', tokenInput.value));

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function say(text, error) {
    message.textContent = text || '';
    message.className = error ? 'error' : '';
  }

  async function get(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || r.status);
    return body;
  }

  async function act(id, action) {
    const token = tokenInput.value.trim();
    say(action + ' ' + id + ' ...');
    const r = await fetch('api/datasets/' + encodeURIComponent(id) + '/' + action, {
      method: 'POST', headers: token ? { Authorization: 'Bearer ' + token } : {}
    });
    const body = await r.json();
    if (!r.ok) { say(action + ' ' + id + ': ' + (body.error || r.status), true); return null; }
    if (action === 'fill') {
      say(body.queued ? 'fill of ' + id + ' queued'
        : 'filled ' + id + ': ' + body.outcome + ', +' + body.rows_inserted + ' new, '
          + body.missing_intervals + ' missing and ' + body.source_gap_intervals + ' unpublished intervals left');
    } else {
      say(id + (body.paused ? ' paused' : ' resumed'));
    }
    route();
    return body;
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '-';
    if (seconds < 120) return seconds + ' s';
    if (seconds < 7200) return Math.round(seconds / 60) + ' min';
    if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
    return Math.round(seconds / 86400) + ' d';
  }

  function stateBadge(d) {
    const s = el('span', { class: 'state ' + d.state, title: d.disabled_reason || '' }, d.state);
    return d.paused ? el('span', {}, s, ' ', el('span', { class: 'state paused' }, 'paused')) : s;
  }

  function pct(v) { return v === null || v === undefined ? '-' : v.toFixed(1) + ' %'; }

  function lastFetch(f) {
    if (!f) return '-';
    return f.outcome === 'ok' ? 'ok ' + f.at + ' (+' + f.rows_inserted + ')' : f.outcome + ' ' + f.at + ': ' + f.message;
  }

  // Overview: every dataset, sortable by any column, refreshed every 15 s.
  async function overview() {
    const data = await get('api/datasets');
    const cols = [
      ['id', 'Dataset', d => el('a', { href: '#/dataset/' + d.id }, d.id)],
      ['state', 'Status', d => el('span', {}, stateBadge(d), d.enabled ? '' : ' ' + d.disabled_reason)],
      ['newest', 'Newest interval', d => d.newest || '-'],
      ['lag_seconds', 'Lag', d => duration(d.lag_seconds), 'num'],
      ['coverage_7d_pct', 'Coverage 7 d', d => pct(d.coverage_7d_pct), 'num'],
      ['coverage_all_pct', 'Coverage all', d => pct(d.coverage_all_pct), 'num'],
      ['missing_intervals', 'Open gaps', d => d.open_gap_ranges + ' (' + (d.missing_intervals + d.source_gap_intervals) + ' intervals)', 'num'],
      ['last_fetch', 'Last fetch', d => lastFetch(d.last_fetch)]
    ];
    const key = r => { const v = r[sort.key]; return v && typeof v === 'object' ? v.at : v; };
    data.sort((a, b) => { const x = key(a), y = key(b); return (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1) * sort.dir; });
    const head = el('tr', {}, ...cols.map(c => el('th', { class: 'sortable', 'data-sort': c[0],
      onclick: () => { sort = { key: c[0], dir: sort.key === c[0] ? -sort.dir : 1 }; overview(); } }, c[1])));
    const rows = data.map(d => el('tr', { 'data-dataset': d.id, 'data-state': d.state },
      ...cols.map(c => el('td', { class: c[3] || '' }, c[2](d)))));
    view.replaceChildren(el('h1', {}, 'Datasets'), el('table', { id: 'overview' }, el('thead', {}, head), el('tbody', {}, ...rows)),
      el('p', { class: 'small' }, 'Refreshed ' + new Date().toLocaleTimeString() + ', every 15 s.'));
    refreshTimer = setTimeout(() => overview().catch(e => say(e.message, true)), 15000);
  }

  // Dataset page: chart, coverage calendar, fetch log, revisions, schema.
  async function dataset(id) {
    const d = await get('api/datasets/' + encodeURIComponent(id));
    const chartable = d.columns.filter(c => c.chartable);
    const redraw = () => drawChart(d);
    const select = el('select', { id: 'column', onchange: redraw },
      ...chartable.map(c => el('option', { value: c.name }, c.name + (c.unit ? ' (' + c.unit + ')' : ''))));
    // One picker per key column besides time (a settlement point, a fuel): the chart shows one series.
    const keyPickers = Object.entries(d.key_values || {}).map(([name, values]) =>
      el('label', { class: 'key-picker' }, ' ' + name + ' ',
        el('select', { id: 'key-' + name, class: 'key', 'data-key': name, onchange: redraw },
          ...values.map(v => el('option', { value: v }, v)))));
    const actions = el('p', {},
      el('button', { id: 'fill', onclick: () => act(id, 'fill') }, 'Fill now'), ' ',
      d.paused ? el('button', { id: 'resume', onclick: () => act(id, 'resume') }, 'Resume')
        : el('button', { id: 'pause', onclick: () => act(id, 'pause') }, 'Pause'));
    view.replaceChildren(
      el('h1', {}, d.title, ' ', stateBadge(d)),
      el('p', { class: 'small' }, d.id + ' · every ' + duration(d.cadence_seconds) + ' · ' + d.market_zone + ' · ' + d.rows
        + ' rows · newest ' + (d.newest || '-') + ' · lag ' + duration(d.lag_seconds) + ' · next run ' + (d.next_run || '-')
        + (d.enabled ? '' : ' · disabled: ' + d.disabled_reason)),
      d.enabled ? actions : null,
      el('h2', {}, 'Recent values ', select, ...keyPickers),
      el('div', { id: 'chart' }),
      el('h2', {}, 'Coverage'),
      el('p', { class: 'legend small' }, 'One cell per market day.',
        el('span', { style: 'background:#2e7d32' }), 'complete', el('span', { style: 'background:#f9a825' }), 'partly missing',
        el('span', { style: 'background:#c62828' }), 'all missing', el('span', { style: 'background:#ddd' }), 'not tracked'),
      calendar(d),
      el('div', { id: 'day-detail', class: 'small' }, 'Click a day to see its missing intervals.'),
      el('h2', {}, 'Fetch log'), fetchLog(d.fetches),
      el('h2', {}, 'Recent revisions'), revisions(d.revisions),
      el('h2', {}, 'Schema'), schema(d));
    if (chartable.length) redraw();
  }

  let chartRequest = 0;

  // Draws the column and key values the pickers show; an answer overtaken by a newer request is dropped.
  async function drawChart(d) {
    const box = document.getElementById('chart');
    const column = document.getElementById('column').value;
    let url = 'api/datasets/' + encodeURIComponent(d.id) + '/rows?column=' + encodeURIComponent(column);
    for (const picker of document.querySelectorAll('select.key')) {
      if (picker.value) url += '&' + encodeURIComponent(picker.dataset.key) + '=' + encodeURIComponent(picker.value);
    }
    const request = ++chartRequest;
    const rows = await get(url);
    if (request !== chartRequest || !document.body.contains(box)) return;
    const selection = Object.entries(rows.selection || {});
    for (const [name, value] of selection) {
      const picker = document.getElementById('key-' + name);
      if (picker && value !== null && picker.value !== value) picker.value = value;
    }
    const where = selection.map(([, value]) => value === null ? '-' : value).join(' · ');
    if (chart) { chart.destroy(); chart = null; }
    box.replaceChildren();
    const width = Math.max(400, Math.min(1100, view.clientWidth - 20));
    chart = new uPlot({
      width: width, height: 300,
      series: [{}, { label: (where ? where + ': ' : '') + column + (rows.unit ? ' (' + rows.unit + ')' : ''),
        stroke: '#1565c0', width: 1.5, spanGaps: false }],
      axes: [{}, { size: 70 }]
    }, [rows.t, rows.v], box);
    box.setAttribute('data-column', column);
    box.setAttribute('data-selection', selection.map(([name, value]) => name + '=' + (value === null ? '' : value)).join('&'));
    box.setAttribute('data-points', String(rows.points));
  }

  function calendar(d) {
    const cells = [];
    const first = new Date(d.calendar[0].date + 'T00:00:00Z').getUTCDay();
    for (let i = 0; i < (first + 6) % 7; i++) cells.push(el('div', {}));
    for (const day of d.calendar) {
      const gap = day.missing + day.source_gap;
      const cls = day.expected === 0 ? 'untracked' : gap === 0 ? 'complete' : gap >= day.expected ? 'empty-day' : 'partial';
      const title = day.date + ': ' + (day.expected === 0 ? 'not tracked'
        : day.present + ' of ' + day.expected + ' intervals' + (gap ? ', ' + day.missing + ' missing, ' + day.source_gap + ' not published' : ''));
      cells.push(el('div', { class: 'day ' + cls, title: title, 'data-date': day.date, 'data-gap': gap,
        onclick: ev => showDay(d, day, ev.currentTarget) }, day.date.substring(8)));
    }
    return el('div', { id: 'calendar' }, ...cells);
  }

  function showDay(d, day, cell) {
    document.querySelectorAll('#calendar .selected').forEach(c => c.classList.remove('selected'));
    cell.classList.add('selected');
    const within = d.gaps.filter(g => g.from < day.to && g.to > day.from);
    const box = document.getElementById('day-detail');
    box.replaceChildren(el('strong', {}, day.date + ': '), within.length === 0 ? 'no missing intervals'
      : el('ul', {}, ...within.map(g => el('li', { class: 'missing-interval' },
        g.from + ' to ' + g.to + ': ' + g.intervals + ' intervals, ' + g.kind))));
  }

  function fetchLog(fetches) {
    const rows = [];
    for (const f of fetches) {
      const failed = f.outcome !== 'ok';
      rows.push(el('tr', { class: failed ? 'failure' : '' }, el('td', {}, f.at), el('td', {}, f.outcome),
        el('td', { class: 'num' }, f.http_status || '-'), el('td', { class: 'num' }, f.bytes),
        el('td', { class: 'num' }, f.duration_ms + ' ms'),
        el('td', { class: 'num' }, '+' + f.rows_inserted + ' / ~' + f.rows_updated + ' / =' + f.rows_unchanged),
        el('td', {}, f.window_from + ' to ' + f.window_to)));
      if (failed || f.message) rows.push(el('tr', { class: failed ? 'failure-detail' : '' }, el('td', { colspan: 7 }, f.message)));
    }
    return el('table', { id: 'fetches' }, el('thead', {}, el('tr', {}, ...['At', 'Outcome', 'HTTP', 'Bytes', 'Took',
      'Rows new / revised / same', 'Window'].map(h => el('th', {}, h)))), el('tbody', {}, ...rows));
  }

  function revisions(list) {
    if (!list.length) return el('p', { class: 'small' }, 'No revisions.');
    const rows = [];
    for (const r of list) {
      for (const c of r.changes) {
        rows.push(el('tr', {}, el('td', {}, Object.values(r.key).join(' ')), el('td', {}, c.column),
          el('td', { class: 'num' }, c.old === null ? '-' : c.old), el('td', {}, '→'),
          el('td', { class: 'num' }, c.new === null ? '-' : c.new), el('td', {}, c.unit), el('td', {}, r.superseded_at)));
      }
    }
    return el('table', { id: 'revisions' }, el('thead', {}, el('tr', {}, ...['Key', 'Column', 'Old', '', 'New', 'Unit', 'Revised at']
      .map(h => el('th', {}, h)))), el('tbody', {}, ...rows));
  }

  function schema(d) {
    return el('table', { id: 'schema' }, el('thead', {}, el('tr', {}, ...['Column', 'Type', 'Unit', 'Key', 'Description']
      .map(h => el('th', {}, h)))), el('tbody', {}, ...d.columns.map(c => el('tr', {}, el('td', {}, c.name),
      el('td', {}, c.type), el('td', {}, c.unit), el('td', {}, c.key ? 'key' : ''), el('td', {}, c.description)))));
  }

  // Gaps: every open gap, with a fill action per dataset.
  async function gaps() {
    const list = await get('api/gaps');
    const rows = list.map(g => el('tr', { 'data-dataset': g.dataset },
      el('td', {}, el('a', { href: '#/dataset/' + g.dataset }, g.dataset)), el('td', {}, g.from), el('td', {}, g.to),
      el('td', { class: 'num' }, g.intervals), el('td', {}, g.kind),
      el('td', {}, g.fillable ? el('button', { class: 'fill', onclick: () => act(g.dataset, 'fill') }, 'Fill') : '')));
    view.replaceChildren(el('h1', {}, 'Open gaps'),
      el('p', { class: 'small' }, 'MISSING: never fetched, pmp fills these. SOURCE_GAP: fetched, but the operator published nothing.'
        + ' Fill runs a pass of the dataset now (needs the token).'),
      list.length ? el('table', { id: 'gaps' }, el('thead', {}, el('tr', {}, ...['Dataset', 'From', 'To', 'Intervals', 'Kind', '']
        .map(h => el('th', {}, h)))), el('tbody', {}, ...rows)) : el('p', { id: 'no-gaps' }, 'No open gaps.'));
  }

  // Leaderboard: the ERCOT battery table of pmp leaderboard, for a year or one month of it.
  async function leaderboard(params) {
    const year = params.get('year') || String(new Date().getFullYear());
    const month = params.get('month') || '';
    const url = 'api/leaderboard?year=' + encodeURIComponent(year) + (month ? '&month=' + encodeURIComponent(month) : '');
    const yearInput = el('input', { id: 'lb-year', type: 'number', value: year, min: 2010, max: 2100 });
    const monthInput = el('input', { id: 'lb-month', type: 'number', value: month, min: 1, max: 12, placeholder: 'all' });
    const form = el('form', { onsubmit: e => {
      e.preventDefault();
      location.hash = '#/leaderboard?year=' + yearInput.value + (monthInput.value ? '&month=' + monthInput.value : '');
    } }, el('label', {}, 'Year ', yearInput), ' ', el('label', {}, 'Month ', monthInput), ' ', el('button', {}, 'Show'));
    view.replaceChildren(el('h1', {}, 'ERCOT battery revenue'), form, el('p', { class: 'small' }, 'Computing ...'));
    const list = await get(url);
    const columns = list.length ? Object.keys(list[0]) : [];
    const cell = v => v === null ? '-' : typeof v === 'number' ? v.toLocaleString(undefined, { maximumFractionDigits: 2 }) : v;
    const table = list.length ? el('table', { id: 'leaderboard' },
      el('thead', {}, el('tr', {}, ...columns.map(c => el('th', {}, c)))),
      el('tbody', {}, ...list.map(r => el('tr', {}, ...columns.map(c => el('td', { class: typeof r[c] === 'number' ? 'num' : '' },
        cell(r[c])))))))
      : el('p', { id: 'no-batteries' }, 'No battery has 60-day disclosure data in this period yet (pmp backfill ercot.*_60d).');
    view.replaceChildren(el('h1', {}, 'ERCOT battery revenue'), form, table,
      el('p', { class: 'small' }, 'From the 60-day disclosures and prices, as pmp leaderboard computes it; days not yet'
        + ' published or missing are counted as such, never as zero. Not included: AS failure-to-provide charges, RUC,'
        + ' make-whole, uplifts, CRRs, fees, and DAM charging bought through QSE energy bids.'));
  }

  function route() {
    clearTimeout(refreshTimer);
    const hash = location.hash || '#/';
    let page;
    if (hash.startsWith('#/dataset/')) page = dataset(decodeURIComponent(hash.substring('#/dataset/'.length)));
    else if (hash === '#/gaps') page = gaps();
    else if (hash.startsWith('#/leaderboard')) page = leaderboard(new URLSearchParams(hash.split('?')[1] || ''));
    else page = overview();
    page.catch(e => say(e.message, true));
  }

  window.addEventListener('hashchange', () => { say(''); route(); });
  route();
})();
