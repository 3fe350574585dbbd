// The admin dashboard: plain browser JavaScript, no build step. The server serves the files of Script/ as one script,
// in the order of their names, inside one function: this first file opens it and holds what every view uses, each view
// has its own file, and the last one closes it. Every value from the API is put into the page with textContent or as
// an SVG text node, never as HTML, so a request titled "<script>" shows as text.
(() => {
  'use strict';

  const keyName = 'wgeo-admin-key';
  const svgNs = 'http://www.w3.org/2000/svg';
  const byId = (id) => document.getElementById(id);
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
    byId('views-nav').classList.add('hidden');
    byId('sign-out').classList.add('hidden');
    byId('sign-in').classList.remove('hidden');
    byId('sign-in-error').textContent = message || '';
    byId('admin-key').focus();
  }

  function showDashboard() {
    byId('sign-in').classList.add('hidden');
    byId('dashboard').classList.remove('hidden');
    byId('views-nav').classList.remove('hidden');
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
        if (current && byId('view-' + current)) showError(current, e.message);
      }
    }
  }

  // The views: one is shown at a time, chosen by the address's fragment (#partners), so each can be bookmarked and the
  // browser's back button goes back to the previous view. A view registers what it loads when it is shown.
  const views = {};
  let current = null;

  function registerView(name, load) {
    views[name] = { load };
  }

  function showError(view, message) {
    let box = byId('error-' + view);
    if (!box) {
      box = element('p', '', 'error');
      box.id = 'error-' + view;
      box.setAttribute('role', 'alert');
      byId('view-' + view).prepend(box);
    }
    box.textContent = message ? 'Error: ' + message : '';
  }

  function viewFromHash() {
    const name = (location.hash || '#overview').slice(1).split('/')[0];
    return views[name] ? name : 'overview';
  }

  async function showView(name) {
    current = name;
    for (const view of document.querySelectorAll('.view')) view.hidden = view.dataset.view !== name;
    for (const link of document.querySelectorAll('nav.views a')) {
      if (link.dataset.view === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
    if (byId('error-' + name)) byId('error-' + name).textContent = '';
    await views[name].load();
  }

  window.addEventListener('hashchange', () => guarded(() => showView(viewFromHash())));

  // The summary feeds the overview and the request filters; the platforms' labels come with it.
  async function readSummary() {
    const summary = await json('summary');
    platformLabels = Object.fromEntries(summary.perPlatform.map((p) => [p.platform, p.label]));
    return summary;
  }

  function openButton(requestId, text) {
    const button = element('button', text);
    button.type = 'button';
    button.dataset.requestId = requestId;
    // The accessible name starts with the visible text, so speech users can say what they see.
    button.setAttribute('aria-label', String(text).includes(requestId) ? text + ': open request' : text + ' (request ' + requestId + ')');
    button.addEventListener('click', () => guarded(() => openRequest(requestId)));
    return button;
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

