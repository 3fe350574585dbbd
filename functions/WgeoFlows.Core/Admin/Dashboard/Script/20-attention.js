  // ── Needs attention ──
  // Flags (mails not delivered), failed requests and held deliveries.
  async function loadAttention() {
    const summary = await readSummary();
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
    await loadHeld();
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
    if (response.ok) await loadHeld();
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

