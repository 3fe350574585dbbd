  // ── Requests ──
  const list = { status: '', platform: '', continuation: null, page: 1 };
  let selected = null;

  function fillFilters(statuses, platforms) {
    const status = byId('filter-status');
    const platform = byId('filter-platform');
    if (status.options.length > 1) return;
    for (const s of statuses) status.appendChild(new Option(s, s));
    for (const p of platforms) platform.appendChild(new Option(p.label, p.platform));
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

  async function act(form) {
    if (!selected) return;
    const action = form.dataset.action;
    const body = {};
    for (const input of form.querySelectorAll('input')) body[input.name] = input.value;
    const response = await api('requests/' + encodeURIComponent(selected) + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    const text = await response.text();
    byId('action-answer').textContent = action + ': HTTP ' + response.status + '\n' + text;
    if (response.ok) await Promise.all([openDetailKeepingAnswer(selected), loadList()]);
  }

  async function openDetailKeepingAnswer(requestId) {
    const answer = byId('action-answer').textContent;
    await openDetail(requestId);
    byId('action-answer').textContent = answer;
  }

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
  for (const form of document.querySelectorAll('.actions form')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      guarded(() => act(form));
    });
  }
  registerView('requests', async () => {
    const summary = await readSummary();
    fillFilters(Object.keys(summary.counts), summary.perPlatform);
    await loadList();
  });

