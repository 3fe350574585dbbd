  // ── Needs attention ──
  // One list (GET attention) of everything an admin must act on, newest first as the server reads it, each item with its
  // action in place. After an action succeeds the list is read again, so the item leaves it; a refused action shows the
  // problem's detail next to its item and changes nothing else.
  const attentionLabels = {
    held: ['Held delivery', 'held deliveries'],
    'reviewer-missing': ['Waiting for a reviewer', 'waiting for a reviewer'],
    failed: ['Failed', 'failed requests'],
    'mail-undelivered': ['Mail not delivered', 'mails not delivered'],
    'manual-match': ['Waiting for a manual match', 'waiting for a manual match'],
  };
  let heldSelected = null;

  async function loadAttention() {
    const list = await json('attention');
    // The held delivery's form goes home before the list is rebuilt, and back into its item if that item is still there.
    byId('held-home').appendChild(byId('held-detail'));
    fill(byId('attention-counts'), Object.keys(attentionLabels).map((kind) => {
      const li = element('li');
      li.dataset.kind = kind;
      li.append(element('strong', list.counts[kind] || 0), element('span', ' ' + attentionLabels[kind][1]));
      return li;
    }));
    fill(byId('attention-items'), list.items.map((item, n) => attentionItem(item, n)));
    byId('attention-empty').classList.toggle('hidden', list.items.length > 0);
    byId('attention-more').classList.toggle('hidden', list.more.length === 0);
    byId('attention-more').textContent = list.more.length === 0 ? ''
      : 'Only the newest of each kind are listed; more wait behind them: ' + list.more.map((k) => (attentionLabels[k] || [k])[0]).join(', ') + '.';
    const heldItem = heldSelected && byId('attention-items').querySelector('li[data-held-id="' + CSS.escape(heldSelected) + '"]');
    // A released or discarded delivery's form stays open after the list, with the answer.
    if (heldItem) heldItem.appendChild(byId('held-detail'));
    return list;
  }

  function attentionItem(item, n) {
    const li = element('li', null, 'attention-item kind-' + item.kind);
    li.dataset.kind = item.kind;
    const label = (attentionLabels[item.kind] || [item.kind])[0];
    const heading = element('h3');
    heading.append(element('span', label, 'attention-kind'), element('span', ' ' + (item.request ? (item.request.title || item.request.requestId)
      : (item.held.organization || item.held.id))));
    li.append(heading);
    const facts = [['Since', when(item.since)]];
    if (item.request) {
      li.dataset.requestId = item.request.requestId;
      facts.push(['Request', item.request.requestId]);
      if (item.request.platform) facts.push(['Platform', platformLabels[item.request.platform] || item.request.platform]);
      if (item.request.status) facts.push(['Status', item.request.status]);
    } else {
      li.dataset.heldId = item.held.id;
      facts.push(['Delivery', item.held.id], ['Source', item.held.source], ['Contact', item.held.contactEmail || '—']);
    }
    const dl = element('dl', null, 'fields');
    fillFields(dl, facts);
    li.append(dl, element('p', item.detail, 'attention-detail'));
    // The answer to this item's action: a refusal shows here, next to the item.
    const answer = element('p', '', 'error');
    answer.id = 'attention-answer-' + n;
    answer.setAttribute('role', 'alert');
    const actions = element('div', null, 'actions');
    li.append(actions, answer);
    const act = { item, answer, n };
    if (item.kind === 'held') heldActions(actions, item);
    else if (item.kind === 'reviewer-missing') reviewerActions(actions, act);
    else if (item.kind === 'failed') failedActions(actions, act, li);
    else if (item.kind === 'mail-undelivered') mailActions(actions, act);
    else if (item.kind === 'manual-match') matchActions(actions, act);
    if (item.request) actions.append(openButton(item.request.requestId, 'Open ' + item.request.requestId));
    return li;
  }

  function actionButton(text, className, work) {
    const button = element('button', text, className);
    button.type = 'button';
    button.addEventListener('click', () => guarded(work));
    return button;
  }

  function heldActions(actions, item) {
    const button = actionButton('Fix and release, or discard', 'primary', () => openHeld(item.held.id));
    button.setAttribute('aria-label', 'Fix and release, or discard (delivery ' + item.held.id + ')');
    actions.append(button);
  }

  function reviewerActions(actions, act) {
    const id = 'attention-reviewer-' + act.n;
    const form = element('form');
    const label = element('label', 'Reviewer\'s email');
    label.htmlFor = id;
    const input = element('input');
    Object.assign(input, { id, name: 'reviewer', type: 'email', required: true, autocomplete: 'off' });
    const error = element('span', '', 'field-error');
    error.id = id + '-error';
    input.setAttribute('aria-describedby', error.id);
    const submit = element('button', 'Assign reviewer', 'primary');
    submit.type = 'submit';
    const link = element('a', 'Manage the reviewers of each platform');
    link.href = '#reviewers';
    form.append(label, input, submit, error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      guarded(() => attentionAct(act, 'requests/' + encodeURIComponent(act.item.request.requestId) + '/reassign',
        { reviewer: input.value.trim() }, 'A reviewer was assigned to ' + act.item.request.requestId + '.', { reviewer: [input, error] }));
    });
    actions.append(form, link);
  }

  function failedActions(actions, act, li) {
    const failure = act.item.failure;
    if (failure) {
      const dl = element('dl', null, 'fields');
      fillFields(dl, [['Failed activity', failure.activity || '—'], ['Error', (failure.errorType ? failure.errorType + ': ' : '') + failure.message]]);
      li.insertBefore(dl, actions);
    }
    actions.append(actionButton('Restart', 'primary', () => attentionAct(act, requestPath(act, 'restart'), {},
      'Request ' + act.item.request.requestId + ' was restarted.')));
  }

  function mailActions(actions, act) {
    if (act.item.actions.includes('resend')) {
      actions.append(actionButton('Resend the link', '', () => attentionAct(act, requestPath(act, 'resend'), {},
        'The link of ' + act.item.request.requestId + ' was sent again; mark the flag as dealt with once it arrives.', null, true)));
    }
    actions.append(actionButton('Mark as dealt with', 'primary', () => attentionAct(act,
      requestPath(act, 'flags/' + encodeURIComponent(act.item.kind) + '/clear'), {},
      'The flag of ' + act.item.request.requestId + ' was marked as dealt with.')));
  }

  function matchActions(actions, act) {
    const candidates = act.item.candidates || [];
    const ol = element('ol', null, 'candidates');
    for (const candidate of candidates) {
      const li = element('li');
      li.append(element('strong', candidate.name), element('span', ' (' + candidate.country + ', ' + candidate.side + ') — score '
        + Number(candidate.score).toFixed(2)), explain(candidate.breakdown));
      const button = actionButton('Match with this partner', 'primary', () => attentionAct(act, requestPath(act, 'match'),
        { partnerId: candidate.partnerId }, act.item.request.requestId + ' was matched with ' + candidate.name + '.'));
      button.setAttribute('aria-label', 'Match with this partner: ' + candidate.name);
      li.append(button);
      ol.append(li);
    }
    actions.append(ol);
  }

  const requestPath = (act, action) => 'requests/' + encodeURIComponent(act.item.request.requestId) + '/' + action;

  // Posts one action. On success the list is read again (the item leaves it) and the status line says what was done; on a
  // refusal the problem's detail shows next to the item, and next to the field it names. keep: the item stays (a resend).
  async function attentionAct(act, path, body, done, fields, keep) {
    act.answer.textContent = '';
    for (const [input, error] of Object.values(fields || {})) {
      input.removeAttribute('aria-invalid');
      error.textContent = '';
    }
    const response = await api(path, { method: 'POST', body: JSON.stringify(body) });
    if (response.ok) {
      byId('attention-status').textContent = done;
      if (!keep) {
        await untilGone(act.item);
        byId('attention-status').focus();
      }
      return;
    }
    let problem = {};
    try {
      problem = await response.json();
    } catch (e) {
      problem = {};
    }
    for (const [name, messages] of Object.entries(problem.errors || {})) {
      const field = fields && fields[name];
      if (!field) continue;
      field[0].setAttribute('aria-invalid', 'true');
      field[1].textContent = messages.join(' ');
    }
    act.answer.textContent = 'Not done: ' + (problem.detail || problem.title || 'HTTP ' + response.status);
  }

  // A restart or a match is carried out by the request's orchestration, a moment after the answer: the list is read again
  // until the item has left it (a few seconds at most), the item meanwhile marked as accepted and its buttons disabled.
  async function untilGone(item) {
    const same = (other) => other.kind === item.kind && other.request && other.request.requestId === item.request.requestId;
    for (let attempt = 0; attempt < 20; attempt++) {
      const list = await loadAttention();
      if (!list.items.some(same)) return;
      const li = byId('attention-items').querySelector('li[data-kind="' + item.kind + '"][data-request-id="' + CSS.escape(item.request.requestId) + '"]');
      if (li) {
        for (const button of li.querySelectorAll('.actions button')) button.disabled = true;
        li.querySelector('.error').before(element('p', 'Accepted; waiting for the request to move on…', 'attention-pending'));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  // Held deliveries: signed deliveries whose answers could not be mapped. Their form opens inside their item.
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
    const heldItem = byId('attention-items').querySelector('li[data-held-id="' + CSS.escape(id) + '"]');
    (heldItem || byId('held-home')).appendChild(byId('held-detail'));
    byId('held-detail').classList.remove('hidden');
    byId('held-detail').focus();
  }

  async function heldAct(action, body) {
    if (!heldSelected) return;
    const response = await api('held/' + encodeURIComponent(heldSelected) + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    const text = await response.text();
    byId('held-answer').textContent = action + ': HTTP ' + response.status + '\n' + text;
    if (response.ok) {
      byId('attention-status').textContent = 'Held delivery ' + heldSelected + (action === 'release' ? ' was released as a request.' : ' was discarded.');
      await loadAttention();
    }
  }

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
  registerView('attention', loadAttention);
