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
    const table = container.closest ? container.closest('table') : null;
    if (table) keyboardScrollable(table);
  }

  // On a phone a wide table scrolls sideways inside the page; one that does is made focusable, so that the keyboard can
  // scroll it too (and axe's scrollable-region-focusable holds). Checked whenever a table is filled, after every action
  // and when the window changes size.
  function keyboardScrollable(table) {
    if (table.scrollWidth > table.clientWidth + 1) table.tabIndex = 0; else table.removeAttribute('tabindex');
  }

  function keyboardScrollableTables() {
    for (const table of document.querySelectorAll('main table')) keyboardScrollable(table);
  }

  window.addEventListener('resize', keyboardScrollableTables);

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

  // The session: how this deployment signs admins in ('entra' where App Service sign-in runs in front of the app, 'key'
  // elsewhere), from GET /api/admin/session; whether the dashboard has been shown (a refusal after that is an expired
  // session, not a first sign-in); and what the admin last used (a form or a button), where an expiry is said.
  let session = { method: 'key', signIn: null, signOut: null };
  let signedInOnce = false;
  let lastUsed = null;
  document.addEventListener('submit', (event) => { lastUsed = event.target; }, true);
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && button.type !== 'submit' && !button.closest('header, #sign-in')) lastUsed = button;
  }, true);

  function requestHeaders(extra) {
    // X-Requested-With makes App Service answer 401 to a call whose session cookie expired, instead of redirecting it to
    // the sign-in page (which a script cannot follow).
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    const key = sessionStorage.getItem(keyName);
    if (key) headers['X-Wgeo-Admin-Key'] = key;
    return Object.assign(headers, extra || {});
  }

  async function api(path, options) {
    const change = Boolean(options && options.method && options.method !== 'GET');
    // Every change is JSON unless the view says otherwise (a CSV upload): the admin routes refuse any other Content-Type
    // they do not expect (and cross-site requests).
    const headers = requestHeaders(Object.assign(change ? { 'Content-Type': 'application/json' } : {}, (options && options.headers) || {}));
    const response = await fetch('/api/admin/' + path, Object.assign({ credentials: 'same-origin' }, options || {}, { headers, redirect: 'manual' }));
    // 401, or a redirect (to a sign-in page), is a session that is over: the server refused before changing anything.
    if (response.status === 401 || response.type === 'opaqueredirect' || response.redirected) {
      if (signedInOnce) sessionExpired();
      throw new SignInNeeded();
    }
    if (change) clearExpired();
    return response;
  }

  async function json(path) {
    const response = await api(path);
    if (!response.ok) throw new Error('GET ' + path + ' answered ' + response.status);
    return response.json();
  }

  // Said where the admin acted (after the form or button they used), so that what they typed stays in front of them to
  // send again once signed in: with App Service, a link that signs in again in a new tab; locally, the key prompt above
  // the view, which stays as it was.
  function sessionExpired() {
    const origin = lastUsed && document.contains(lastUsed) && !lastUsed.closest('#sign-in') ? lastUsed : null;
    let notice = byId('session-expired');
    if (!notice) {
      notice = element('div', '', 'expired');
      notice.id = 'session-expired';
      notice.setAttribute('role', 'alert');
    }
    const text = element('p', 'Your session has expired; nothing was changed. ');
    let signInLink = null;
    if (session.method === 'entra' && session.signIn) {
      signInLink = element('a', 'Sign in again');
      signInLink.href = session.signIn;
      signInLink.target = '_blank';
      signInLink.rel = 'noopener';
      text.append(signInLink, ' (it opens in a new tab), then send it again: what you typed is still here.');
    } else {
      text.append('Enter the admin key again above, then send it again: what you typed is still here.');
    }
    notice.replaceChildren(text);
    if (origin) origin.after(notice); else if (current && byId('view-' + current)) byId('view-' + current).prepend(notice);
    if (signInLink) signInLink.focus(); else showSignIn('Your session has expired: the admin key was not accepted. Nothing was changed.', true);
  }

  function clearExpired() {
    const notice = byId('session-expired');
    if (notice) notice.remove();
  }

  async function readSession() {
    const response = await fetch('/api/admin/session', { credentials: 'same-origin', headers: requestHeaders(), redirect: 'manual' });
    if (response.status === 403) {
      const problem = await response.json().catch(() => ({}));
      return { method: 'entra', signedIn: false, notAdmin: problem.detail || 'Your account is not an admin of WgeoFlows.' };
    }
    if (!response.ok) throw new Error('GET session answered ' + (response.status || 'a redirect'));
    return response.json();
  }

  // keepView: the dashboard stays on screen under the prompt (a session that expired while the admin was working).
  function showSignIn(message, keepView) {
    const entra = session.method === 'entra';
    if (!keepView) {
      byId('dashboard').classList.add('hidden');
      byId('views-nav').classList.add('hidden');
      byId('signed-in').classList.add('hidden');
      byId('sign-out').classList.add('hidden');
    }
    byId('sign-in').classList.toggle('over-view', Boolean(keepView));
    byId('sign-in-entra').classList.toggle('hidden', !entra);
    byId('sign-in-key').classList.toggle('hidden', entra);
    if (session.signIn) byId('sign-in-link').href = session.signIn;
    byId('sign-in').classList.remove('hidden');
    byId('sign-in-error').textContent = message || '';
    if (entra) byId('sign-in-link').focus(); else byId('admin-key').focus();
  }

  function showSignedIn() {
    const entra = session.method === 'entra';
    byId('signed-in-name').textContent = entra ? 'Signed in as ' + session.name : 'Signed in with the admin key';
    byId('signed-in').classList.remove('hidden');
    if (session.signOut) byId('sign-out-link').href = session.signOut;
    byId('sign-out-link').classList.toggle('hidden', !(entra && session.signOut));
    byId('sign-out').classList.toggle('hidden', !sessionStorage.getItem(keyName));
  }

  function showDashboard() {
    signedInOnce = true;
    byId('sign-in').classList.add('hidden');
    byId('sign-in').classList.remove('over-view');
    byId('dashboard').classList.remove('hidden');
    byId('views-nav').classList.remove('hidden');
  }

  async function guarded(work) {
    try {
      await work();
      keyboardScrollableTables();
    } catch (e) {
      if (e instanceof SignInNeeded) {
        // After the dashboard was shown, api() has said so in place already.
        if (!signedInOnce) showSignIn(sessionStorage.getItem(keyName) ? 'That key was not accepted.' : '');
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

