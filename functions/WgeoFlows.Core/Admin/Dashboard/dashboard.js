// The admin dashboard: plain browser JavaScript, no build step. Every value from the API is put into the page with
// textContent or as an SVG text node, never as HTML, so a request titled "<script>" shows as text.
(() => {
  'use strict';

  const keyName = 'wgeo-admin-key';
  const svgNs = 'http://www.w3.org/2000/svg';
  const byId = (id) => document.getElementById(id);
  const list = { status: '', platform: '', continuation: null, page: 1 };
  let selected = null;
  let platformLabels = {};

  class SignInNeeded extends Error {}

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? '' : String(cell);
      tr.appendChild(td);
    }
    return tr;
  }

  function fill(container, nodes) {
    container.replaceChildren(...nodes);
  }

  function when(value) {
    if (!value) return '';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '';
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return minutes + ' min';
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + ' h ' + (minutes % 60) + ' min';
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
  }

  const stateWords = { ok: 'within service level', 'due-soon': 'due soon', late: 'late', none: '—' };

  async function api(path, options) {
    const headers = { Accept: 'application/json' };
    const key = sessionStorage.getItem(keyName);
    if (key) headers['X-Wgeo-Admin-Key'] = key;
    // Every change is JSON: the admin routes refuse any other Content-Type (and cross-site requests).
    if (options && options.method && options.method !== 'GET') headers['Content-Type'] = 'application/json';
    const response = await fetch('/api/admin/' + path, Object.assign({ credentials: 'same-origin' }, options || {}, { headers }));
    if (response.status === 401) throw new SignInNeeded();
    return response;
  }

  async function json(path) {
    const response = await api(path);
    if (!response.ok) throw new Error('GET ' + path + ' answered ' + response.status);
    return response.json();
  }

  function showSignIn(message) {
    byId('dashboard').classList.add('hidden');
    byId('sign-out').classList.add('hidden');
    byId('sign-in').classList.remove('hidden');
    byId('sign-in-error').textContent = message || '';
    byId('admin-key').focus();
  }

  function showDashboard() {
    byId('sign-in').classList.add('hidden');
    byId('dashboard').classList.remove('hidden');
    byId('sign-out').classList.toggle('hidden', !sessionStorage.getItem(keyName));
  }

  async function guarded(work) {
    try {
      await work();
    } catch (e) {
      if (e instanceof SignInNeeded) {
        showSignIn(sessionStorage.getItem(keyName) ? 'That key was not accepted.' : '');
      } else {
        byId('page-info').textContent = 'Error: ' + e.message;
      }
    }
  }

  // Summary: counts, waiting stages, charts, flags and failures.
  async function loadSummary() {
    const summary = await json('summary');
    showDashboard();
    platformLabels = Object.fromEntries(summary.perPlatform.map((p) => [p.platform, p.label]));
    fillFilters(Object.keys(summary.counts), summary.perPlatform);

    fill(byId('counts'), Object.entries(summary.counts).map(([status, count]) => {
      const li = element('li');
      li.append(element('span', status + ': '), element('strong', count));
      return li;
    }));

    fill(byId('waiting'), summary.waiting.map((stage) => {
      const state = element('span', stateWords[stage.state] || stage.state, 'state state-' + stage.state);
      const age = element('span');
      age.append(element('span', duration(stage.ageSeconds) + ' '), state);
      const oldest = stage.oldest ? openButton(stage.oldest.requestId, stage.oldest.title || stage.oldest.requestId) : '—';
      return row([stage.status, stage.count, oldest, stage.oldest ? age : '—', duration(stage.serviceLevelSeconds)]);
    }));

    drawColumns(byId('weeks-chart'), summary.perWeek.map((w) => ({ label: w.week.slice(5), title: 'Week of ' + w.monday, value: w.count })),
      'Requests submitted per week, last ' + summary.perWeek.length + ' weeks');
    drawBars(byId('platforms-chart'), summary.perPlatform.map((p) => ({ label: p.label, value: p.count })), 'Requests per platform');

    fill(byId('flagged'), summary.flagged.length === 0 ? [element('li', 'Nothing flagged.')] : summary.flagged.map((f) => {
      const li = element('li');
      li.append(element('span', f.kind, 'flag'), element('span', ' ' + when(f.at) + ' — ' + f.detail + ' '), openButton(f.requestId, 'Open ' + f.requestId));
      return li;
    }));
    fill(byId('failures'), summary.failures.length === 0 ? [element('li', 'No failed request.')] : summary.failures.map((r) => {
      const li = element('li');
      li.append(element('span', when(r.updatedAt) + ' — ' + r.title + ' '), openButton(r.requestId, 'Open ' + r.requestId));
      return li;
    }));
  }

  function fillFilters(statuses, platforms) {
    const status = byId('filter-status');
    const platform = byId('filter-platform');
    if (status.options.length > 1) return;
    for (const s of statuses) status.appendChild(new Option(s, s));
    for (const p of platforms) platform.appendChild(new Option(p.label, p.platform));
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function chart(width, height, label) {
    const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'img', 'aria-label': label });
    root.appendChild(svg('title', {}, label));
    return root;
  }

  function drawColumns(container, points, label) {
    const width = 480, height = 200, bottom = 24, top = 16;
    const max = Math.max(1, ...points.map((p) => p.value));
    const step = width / Math.max(1, points.length);
    const root = chart(width, height, label + ': ' + points.map((p) => p.title + ' ' + p.value).join(', '));
    points.forEach((p, i) => {
      const h = Math.round((height - bottom - top) * p.value / max);
      const x = i * step + 4;
      const bar = svg('rect', { class: 'bar', x, y: height - bottom - h, width: step - 8, height: h });
      bar.appendChild(svg('title', {}, p.title + ': ' + p.value));
      root.appendChild(bar);
      root.appendChild(svg('text', { x: x + (step - 8) / 2, y: height - bottom - h - 4, 'text-anchor': 'middle' }, p.value));
      root.appendChild(svg('text', { x: x + (step - 8) / 2, y: height - 8, 'text-anchor': 'middle' }, p.label));
    });
    fill(container, [root]);
  }

  function drawBars(container, points, label) {
    const width = 480, rowHeight = 24, labelWidth = 190;
    const height = rowHeight * points.length + 8;
    const max = Math.max(1, ...points.map((p) => p.value));
    const root = chart(width, height, label + ': ' + points.map((p) => p.label + ' ' + p.value).join(', '));
    points.forEach((p, i) => {
      const y = i * rowHeight + 4;
      const w = Math.round((width - labelWidth - 40) * p.value / max);
      root.appendChild(svg('text', { x: 0, y: y + 15 }, p.label));
      const bar = svg('rect', { class: 'bar', x: labelWidth, y, width: w, height: rowHeight - 6 });
      bar.appendChild(svg('title', {}, p.label + ': ' + p.value));
      root.appendChild(bar);
      root.appendChild(svg('text', { x: labelWidth + w + 4, y: y + 15 }, p.value));
    });
    fill(container, [root]);
  }

  // The filterable list, one page of the admin index at a time.
  async function loadList() {
    const query = new URLSearchParams({ pageSize: '20' });
    if (list.status) query.set('status', list.status);
    if (list.platform) query.set('platform', list.platform);
    if (list.continuation) query.set('continuation', list.continuation);
    const page = await json('requests?' + query.toString());
    fill(byId('requests'), page.items.length === 0 ? [row(['No request matches.', '', '', '', '', '', ''])] : page.items.map((r) =>
      row([when(r.submittedAt), openButton(r.requestId, r.requestId), r.title, r.organization, platformLabels[r.platform] || r.platform,
        r.status, when(r.updatedAt)])));
    list.next = page.continuation || null;
    byId('next-page').disabled = !list.next;
    byId('first-page').disabled = list.page === 1;
    byId('page-info').textContent = 'Page ' + list.page + ', ' + page.items.length + ' request(s)' + (list.next ? '; more follow.' : '.');
  }

  function openButton(requestId, text) {
    const button = element('button', text);
    button.type = 'button';
    button.dataset.requestId = requestId;
    // The accessible name starts with the visible text, so speech users can say what they see.
    button.setAttribute('aria-label', String(text).includes(requestId) ? text + ': open request' : text + ' (request ' + requestId + ')');
    button.addEventListener('click', () => guarded(() => openDetail(requestId)));
    return button;
  }

  // The detail panel: the request, its orchestration, timeline, emails, matches and the actions.
  async function openDetail(requestId) {
    const detail = await json('requests/' + encodeURIComponent(requestId));
    selected = requestId;
    const panel = byId('detail');
    panel.classList.remove('hidden');
    const request = detail.request;
    byId('detail-heading').textContent = request ? request.title + ' (' + requestId + ')' : 'Request ' + requestId + ' (record missing)';
    const fields = [['Status', detail.status || '—']];
    if (request) {
      fields.push(['Organisation', request.organization.name], ['Platform', platformLabels[request.organization.platform] || request.organization.platform],
        ['Country', request.organization.country], ['Contact', request.contact.name + ' <' + request.contact.email + '>'],
        ['Submitted', when(request.submittedAt)], ['Description', request.description]);
    }
    fillFields(byId('detail-fields'), fields);
    fill(byId('detail-flags'), detail.flags.map((f) => element('p', f.kind + ': ' + f.detail + ' (' + when(f.at) + ')', 'flag')));

    const o = detail.orchestration;
    const orchestration = o
      ? [['Runtime status', o.runtimeStatus], ['Stage', o.customStatus && o.customStatus.stage ? o.customStatus.stage + (o.customStatus.detail ? ': ' + o.customStatus.detail : '') : '—'],
        ['Started', when(o.createdAt)], ['Last update', when(o.lastUpdatedAt)]]
      : [['Runtime status', detail.awaitingDispatch
        ? 'not started yet: received moments ago, its workflow starts as soon as the intake dispatcher gets to it'
        : 'no orchestration history (purged or never started)']];
    if (o && o.failure) {
      orchestration.push(['Failed activity', o.failure.activity || '(the orchestrator itself)'], ['Error', o.failure.errorType + ': ' + o.failure.message]);
    }
    fillFields(byId('detail-orchestration'), orchestration);

    fill(byId('detail-timeline'), detail.timeline.map((t) => row([when(t.at), t.actor, t.action, t.detail])));
    fill(byId('detail-emails'), detail.emails.map((m) => row([when(m.createdAt), m.to.join(', '), m.subject,
      element('span', m.state + (m.lastError ? ' — ' + m.lastError : ''), m.state === 'Bounced' || m.state === 'Dropped' || m.state === 'Spam' ? 'flag' : ''),
      when(m.sentAt)])));
    fill(byId('detail-matches'), detail.matches.map((c) => row([c.rank, c.name + ' (' + c.partnerId + ')', c.country, c.score.toFixed(2), explain(c.breakdown)])));
    byId('action-answer').textContent = '';
    panel.focus();
  }

  // Held deliveries: signed deliveries whose answers could not be mapped, until an admin releases or discards them.
  let heldSelected = null;

  async function loadHeld() {
    const page = await json('held');
    fill(byId('held-items'), page.items.length === 0 ? [row(['Nothing is held.', '', '', '', '', ''])] : page.items.map((h) => {
      const button = element('button', 'Open ' + h.id);
      button.type = 'button';
      button.addEventListener('click', () => guarded(() => openHeld(h.id)));
      return row([when(h.receivedAt), h.source, h.organization || '—', h.contactEmail || '—', Object.keys(h.errors).join(', '), button]);
    }));
  }

  const basePath = (path) => (path.indexOf('[') < 0 ? path : path.slice(0, path.indexOf('[')));

  async function openHeld(id) {
    const detail = await json('held/' + encodeURIComponent(id));
    heldSelected = id;
    const item = detail.item;
    const errors = detail.currentErrors || item.errors;
    byId('held-detail-heading').textContent = 'Held delivery ' + id + ' (' + item.state + ')';
    const pairs = [['Source', item.source], ['Received', when(item.receivedAt)], ['Submission', item.submissionId]];
    if (item.requestId) pairs.push(['Request', item.requestId]);
    if (item.reason) pairs.push(['Reason', item.reason]);
    for (const [path, messages] of Object.entries(errors)) pairs.push([path, messages.join(' ')]);
    fillFields(byId('held-detail-fields'), pairs);
    // The fields to fix, with what the mapping made of the answers, ready to be corrected.
    const fields = {};
    for (const path of Object.keys(errors).map(basePath)) {
      if (!(detail.fields || []).includes(path)) continue;
      const [section, name] = path.split('.');
      const value = detail.mapped && detail.mapped[section] ? detail.mapped[section][name] : undefined;
      fields[path] = value === undefined ? null : value;
    }
    byId('held-fields').value = JSON.stringify(fields, null, 2);
    byId('held-answer').textContent = '';
    byId('held-detail').classList.remove('hidden');
    byId('held-detail').focus();
  }

  async function heldAct(action, body) {
    if (!heldSelected) return;
    const response = await api('held/' + encodeURIComponent(heldSelected) + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    const text = await response.text();
    byId('held-answer').textContent = action + ': HTTP ' + response.status + '\n' + text;
    if (response.ok) await Promise.all([loadHeld(), loadList()]);
  }

  function explain(breakdown) {
    if (!Array.isArray(breakdown)) return JSON.stringify(breakdown);
    const ul = element('ul');
    for (const part of breakdown) {
      ul.appendChild(element('li', part.name + ': ' + Number(part.points).toFixed(2) + ' — ' + part.explanation));
    }
    return ul;
  }

  function fillFields(dl, pairs) {
    const nodes = [];
    for (const [name, value] of pairs) nodes.push(element('dt', name), element('dd', value));
    fill(dl, nodes);
  }

  async function act(form) {
    if (!selected) return;
    const action = form.dataset.action;
    const body = {};
    for (const input of form.querySelectorAll('input')) body[input.name] = input.value;
    const response = await api('requests/' + encodeURIComponent(selected) + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    const text = await response.text();
    byId('action-answer').textContent = action + ': HTTP ' + response.status + '\n' + text;
    if (response.ok) await Promise.all([openDetailKeepingAnswer(selected), loadSummary(), loadList()]);
  }

  async function openDetailKeepingAnswer(requestId) {
    const answer = byId('action-answer').textContent;
    await openDetail(requestId);
    byId('action-answer').textContent = answer;
  }

  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(keyName, byId('admin-key').value);
    byId('admin-key').value = '';
    guarded(async () => { await loadSummary(); await loadList(); await loadHeld(); });
  });
  byId('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(keyName);
    showSignIn('');
  });
  byId('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    Object.assign(list, { status: byId('filter-status').value, platform: byId('filter-platform').value, continuation: null, page: 1 });
    guarded(loadList);
  });
  byId('next-page').addEventListener('click', () => {
    Object.assign(list, { continuation: list.next, page: list.page + 1 });
    guarded(loadList);
  });
  byId('first-page').addEventListener('click', () => {
    Object.assign(list, { continuation: null, page: 1 });
    guarded(loadList);
  });
  byId('held-release').addEventListener('submit', (event) => {
    event.preventDefault();
    let fields;
    try {
      fields = JSON.parse(byId('held-fields').value || '{}');
    } catch (e) {
      byId('held-answer').textContent = 'The corrected fields are not valid JSON: ' + e.message;
      return;
    }
    guarded(() => heldAct('release', { fields }));
  });
  byId('held-discard').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(() => heldAct('discard', { reason: byId('held-reason').value }));
  });
  for (const form of document.querySelectorAll('.actions form')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      guarded(() => act(form));
    });
  }

  // In Azure, App Service sign-in already identifies the admin: the first call works without a key. Locally it
  // answers 401 and the page asks for the key.
  guarded(async () => { await loadSummary(); await loadList(); await loadHeld(); });
})();
