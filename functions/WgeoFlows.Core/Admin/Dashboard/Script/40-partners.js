  // ── Partners ──
  // The registry's list (#partners) and one partner's page (#partners/{id}). The terms of the filters and the form come
  // from the server's reference data (admin/partner-terms), never from this script.
  const partners = { filters: {}, continuation: null, earlier: [], terms: null, partner: null, pendingCsv: null, confirm: null };
  const partnerFields = ['name', 'platform', 'country', 'role', 'thematicAreas', 'supportTypes', 'languages', 'capacity', 'email', 'active', 'publishable'];
  const partnerLists = ['thematicAreas', 'supportTypes', 'languages'];

  function partnerIdFromHash() {
    const parts = (location.hash || '').slice(1).split('/');
    return parts[0] === 'partners' && parts[1] ? decodeURIComponent(parts[1]) : null;
  }

  async function partnerTerms() {
    if (!partners.terms) partners.terms = await json('partner-terms');
    return partners.terms;
  }

  function labelOf(list, id) {
    const term = (partners.terms && partners.terms[list] || []).find((t) => t.id === id);
    return term ? term.label : id;
  }

  function fillOptions(select, terms) {
    if (select.options.length > 1 || (select.options.length === 1 && select.options[0].value !== '')) return;
    for (const t of terms) select.appendChild(new Option(t.label, t.id));
  }

  // A body the admin routes refuse as JSON: the CSV import. api() sends JSON only, so this sends the key itself.
  async function postCsv(path, csv) {
    const headers = { Accept: 'application/json', 'Content-Type': 'text/csv; charset=utf-8' };
    const key = sessionStorage.getItem(keyName);
    if (key) headers['X-Wgeo-Admin-Key'] = key;
    const response = await fetch('/api/admin/' + path, { method: 'POST', body: csv, headers, credentials: 'same-origin' });
    if (response.status === 401) throw new SignInNeeded();
    return response;
  }

  async function problemOf(response) {
    try { return await response.json(); } catch { return { title: 'HTTP ' + response.status }; }
  }

  // ── The list ──
  async function loadPartnerList() {
    const query = new URLSearchParams({ pageSize: '20' });
    for (const [name, value] of Object.entries(partners.filters)) if (value) query.set(name, value);
    if (partners.continuation) query.set('continuation', partners.continuation);
    const response = await api('partners?' + query.toString());
    if (!response.ok) {
      const problem = await problemOf(response);
      byId('partners-page-info').textContent = 'Error: ' + (Object.values(problem.errors || {}).flat().join(' ') || problem.title);
      return;
    }
    const page = await response.json();
    fill(byId('partners-rows'), page.items.length === 0 ? [row(['No partner matches.', '', '', '', '', '', '', '', ''])] : page.items.map((p) => {
      const link = element('a', p.name);
      link.href = '#partners/' + encodeURIComponent(p.id);
      return row([link, element('span', p.id, 'partner-id'), labelOf('platforms', p.platform), p.country, labelOf('roles', p.role),
        p.remainingCapacity + ' of ' + p.capacity, p.openEngagements, p.active ? 'yes' : 'no', p.publishable ? 'yes' : 'no']);
    }));
    partners.next = page.continuation || null;
    byId('partners-next-page').disabled = !partners.next;
    byId('partners-first-page').disabled = partners.earlier.length === 0;
    byId('partners-page-info').textContent = 'Page ' + (partners.earlier.length + 1) + ', ' + page.items.length + ' partner(s)'
      + (partners.next ? '; more may follow.' : '.');
  }

  byId('partners-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    partners.filters = Object.fromEntries(new FormData(event.target).entries());
    partners.continuation = null;
    partners.earlier = [];
    guarded(loadPartnerList);
  });
  byId('partners-next-page').addEventListener('click', () => {
    if (!partners.next) return;
    partners.earlier.push(partners.continuation);
    partners.continuation = partners.next;
    guarded(loadPartnerList);
  });
  byId('partners-first-page').addEventListener('click', () => {
    partners.continuation = null;
    partners.earlier = [];
    guarded(loadPartnerList);
  });

  // ── Import (dry run, then apply) and export ──
  function showImportReport(report, applied) {
    const rows = report.rows || [];
    byId('partners-import-report').classList.remove('hidden');
    byId('partners-import-caption').textContent = (applied ? 'Import applied' : 'Dry run: nothing written') + ' — ' + report.created + ' created, '
      + report.updated + ' updated, ' + report.unchanged + ' unchanged, ' + report.rejected + ' rejected';
    fill(byId('partners-import-rows'), rows.map((r) => row([r.line, r.id || '', element('span', r.outcome, 'outcome-' + r.outcome),
      (r.errors || []).join(' ')])));
  }

  async function runImport(dryRun) {
    const status = byId('partners-import-status');
    const response = await postCsv('partners/import' + (dryRun ? '?dryRun=true' : ''), partners.pendingCsv);
    const body = await problemOf(response);
    if (!response.ok) {
      status.textContent = 'The file was refused: ' + (body.errors ? Object.values(body.errors).flat().join(' ') : body.detail || body.title);
      status.className = 'error';
      byId('partners-import-report').classList.add('hidden');
      byId('partners-import-apply').classList.add('hidden');
      return;
    }
    showImportReport(body, !dryRun);
    const writes = body.created + body.updated;
    status.className = '';
    if (dryRun) {
      status.textContent = writes > 0 ? 'Checked: nothing written yet. Apply the import to write ' + writes + ' partner(s).'
        : 'Checked: importing this file would change nothing.';
      byId('partners-import-apply').classList.toggle('hidden', writes === 0);
    } else {
      status.textContent = 'Imported: ' + writes + ' partner(s) written.';
      byId('partners-import-apply').classList.add('hidden');
      partners.pendingCsv = null;
      await loadPartnerList();
    }
  }

  byId('partners-import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = byId('partners-file').files[0];
    if (!file) {
      byId('partners-import-status').textContent = 'Choose a CSV file first.';
      return;
    }
    guarded(async () => {
      partners.pendingCsv = await file.text();
      await runImport(true);
    });
  });
  byId('partners-import-apply').addEventListener('click', () => {
    if (partners.pendingCsv !== null) guarded(() => runImport(false));
  });
  byId('partners-file').addEventListener('change', () => {
    // A new file must be checked before it can be applied.
    partners.pendingCsv = null;
    byId('partners-import-apply').classList.add('hidden');
  });

  // The admin key travels in a header, so a plain link would not carry it: fetch the file, then save it from a Blob.
  byId('partners-export').addEventListener('click', () => guarded(async () => {
    const response = await api('partners/export');
    if (!response.ok) throw new Error('GET partners/export answered ' + response.status);
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = element('a');
    link.href = url;
    link.download = match ? match[1] : 'partners.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    byId('partners-import-status').textContent = 'Exported ' + link.download + '.';
  }));

  // ── A partner's page ──
  function choiceBoxes(list, chosen) {
    const fieldset = byId('partner-' + list);
    for (const old of fieldset.querySelectorAll('.partner-choice')) old.remove();
    const error = byId('partner-error-' + list);
    for (const term of partners.terms[list]) {
      const id = 'partner-' + list + '-' + term.id;
      const box = element('input');
      box.type = 'checkbox';
      box.id = id;
      box.name = list;
      box.value = term.id;
      box.checked = chosen.includes(term.id);
      const label = element('label', term.label);
      label.htmlFor = id;
      const wrap = element('span', null, 'partner-choice');
      wrap.append(box, label);
      fieldset.insertBefore(wrap, error);
    }
  }

  function fillPartnerForm(p) {
    const form = byId('partner-form');
    const platform = byId('partner-platform');
    const role = byId('partner-role');
    if (platform.options.length === 0) for (const t of partners.terms.platforms) platform.appendChild(new Option(t.label, t.id));
    if (role.options.length === 0) for (const t of partners.terms.roles) role.appendChild(new Option(t.label, t.id));
    form.elements.name.value = p.name;
    platform.value = p.platform;
    form.elements.country.value = p.country;
    role.value = p.role;
    for (const list of partnerLists) choiceBoxes(list, p[list]);
    form.elements.capacity.value = String(p.capacity);
    form.elements.email.value = p.email;
    byId('partner-active').checked = p.active;
    byId('partner-publishable').checked = p.publishable;
    showFieldErrors({});
  }

  function formBody() {
    const form = byId('partner-form');
    const capacityText = form.elements.capacity.value.trim();
    // A number when it is one; otherwise the text as typed, so the server names the field as it would for any client.
    const capacity = /^-?\d+$/.test(capacityText) ? Number(capacityText) : capacityText;
    const body = {
      name: form.elements.name.value, platform: byId('partner-platform').value, country: form.elements.country.value,
      role: byId('partner-role').value, capacity, email: form.elements.email.value,
      active: byId('partner-active').checked, publishable: byId('partner-publishable').checked,
    };
    for (const list of partnerLists) body[list] = [...byId('partner-' + list).querySelectorAll('input:checked')].map((box) => box.value);
    return body;
  }

  // Each error goes next to its field (aria-describedby, aria-invalid); the summary (role=alert) lists them all.
  function showFieldErrors(errors) {
    const summary = byId('partner-form-summary');
    const messages = [];
    for (const field of partnerFields) {
      const text = (errors[field] || []).join(' ');
      const box = byId('partner-error-' + field);
      box.textContent = text;
      const controls = partnerLists.includes(field) ? [...byId('partner-' + field).querySelectorAll('input')] : [byId('partner-' + field)];
      for (const control of controls) {
        if (text) {
          control.setAttribute('aria-invalid', 'true');
          control.setAttribute('aria-describedby', box.id);
        } else {
          control.removeAttribute('aria-invalid');
          control.removeAttribute('aria-describedby');
        }
      }
      if (text) messages.push(field + ': ' + text);
    }
    for (const [field, list] of Object.entries(errors)) if (!partnerFields.includes(field)) messages.push(list.join(' '));
    fill(summary, messages.length === 0 ? [] : [element('p', 'Nothing was saved. Correct these fields:'), ...messages.map((m) => element('p', m))]);
  }

  async function putPartner(body) {
    const response = await api('partners/' + encodeURIComponent(partners.partner.id), { method: 'PUT', body: JSON.stringify(body) });
    if (response.ok) return { ok: true };
    const problem = await problemOf(response);
    return { ok: false, problem };
  }

  function changedFields(before, after) {
    if (!before && after) return ['created: ' + partnerFields.map((f) => f + ' ' + show(after[f])).join('; ')];
    if (before && !after) return ['removed'];
    return partnerFields.filter((f) => show(before[f]) !== show(after[f])).map((f) => f + ': ' + show(before[f]) + ' → ' + show(after[f]));
  }

  function show(value) {
    if (Array.isArray(value)) return value.join(', ');
    return value === undefined || value === null ? '—' : String(value);
  }

  async function loadPartnerPage(id) {
    const response = await api('partners/' + encodeURIComponent(id));
    if (response.status === 404) {
      showError('partners', 'No partner has the id ' + id + '.');
      return;
    }
    if (!response.ok) throw new Error('GET partners/' + id + ' answered ' + response.status);
    const p = await response.json();
    partners.partner = p;
    byId('partner-heading').textContent = p.name + ' (' + p.id + ')';
    fillFields(byId('partner-fields'), [
      ['Id', p.id], ['Platform', labelOf('platforms', p.platform)], ['Country', p.country + ' (' + labelOf('regions', p.region) + ')'],
      ['Role', labelOf('roles', p.role)], ['Thematic areas', p.thematicAreas.map((t) => labelOf('thematicAreas', t)).join(', ')],
      ['Support types', p.supportTypes.map((t) => labelOf('supportTypes', t)).join(', ')], ['Languages', p.languages.join(', ')],
      ['Capacity', p.remainingCapacity + ' of ' + p.capacity + ' free'], ['Open engagements', String(p.openEngagements)],
      ['Email', p.email], ['Active', p.active ? 'yes' : 'no'], ['Publishable', p.publishable ? 'yes' : 'no'],
      ['Last offer', p.lastOfferedAt ? when(p.lastOfferedAt) : 'never']]);
    const engagements = p.engagements || [];
    fill(byId('partner-engagements'), engagements.length === 0 ? [element('li', 'None.')]
      : engagements.map((requestId) => { const li = element('li'); li.appendChild(openButton(requestId, requestId)); return li; }));
    const offers = p.offers || [];
    fill(byId('partner-offers'), offers.length === 0 ? [row(['No offer yet.', '', ''])]
      : offers.map((o) => row([when(o.at), openButton(o.requestId, o.requestId), o.title])));
    fillPartnerForm(p);
    byId('partner-confirm').classList.add('hidden');
    byId('partner-action-status').textContent = '';
    await loadPartnerHistory(id);
  }

  async function loadPartnerHistory(id) {
    const history = await json('partners/' + encodeURIComponent(id) + '/changes?pageSize=50');
    fill(byId('partner-history'), history.items.length === 0 ? [row(['No change recorded.', '', '', ''])] : history.items.map((c) => {
      const list = element('ul');
      for (const line of changedFields(c.before, c.after)) list.appendChild(element('li', line));
      return row([when(c.at), c.actor, c.action, list]);
    }));
  }

  byId('partner-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(async () => {
      const result = await putPartner(formBody());
      if (!result.ok) {
        showFieldErrors(result.problem.errors || { $: [result.problem.detail || result.problem.title] });
        const first = byId('partner-form').querySelector('[aria-invalid="true"]');
        if (first) first.focus();
        return;
      }
      await loadPartnerPage(partners.partner.id);
      byId('partner-action-status').textContent = 'Saved.';
    });
  });

  function askToConfirm(text, action) {
    partners.confirm = action;
    byId('partner-confirm-text').textContent = text;
    byId('partner-confirm').classList.remove('hidden');
    byId('partner-confirm-no').focus();
  }

  byId('partner-deactivate').addEventListener('click', () => askToConfirm(
    'Deactivate ' + partners.partner.name + '? It gets no new offers; its open engagements go on.', async () => {
      const body = Object.fromEntries(partnerFields.map((f) => [f, partners.partner[f]]));
      body.active = false;
      const result = await putPartner(body);
      await loadPartnerPage(partners.partner.id);
      byId('partner-action-status').textContent = result.ok ? 'Deactivated.' : 'Not deactivated: ' + (result.problem.detail || result.problem.title);
    }));

  byId('partner-delete').addEventListener('click', () => askToConfirm(
    'Delete ' + partners.partner.name + ' from the registry? This cannot be undone.', async () => {
      const response = await api('partners/' + encodeURIComponent(partners.partner.id), { method: 'DELETE', body: '{}' });
      if (response.status === 204) {
        history.pushState(null, '', '#partners');
        await showView('partners');
        byId('partners-page-info').textContent = 'Deleted ' + partners.partner.name + '.';
        return;
      }
      const problem = await problemOf(response);
      byId('partner-confirm').classList.add('hidden');
      byId('partner-action-status').textContent = 'Not deleted: ' + (problem.detail || problem.title);
    }));

  byId('partner-confirm-yes').addEventListener('click', () => {
    const action = partners.confirm;
    partners.confirm = null;
    byId('partner-confirm').classList.add('hidden');
    if (action) guarded(action);
  });
  byId('partner-confirm-no').addEventListener('click', () => {
    partners.confirm = null;
    byId('partner-confirm').classList.add('hidden');
    byId('partner-action-status').textContent = 'Cancelled.';
  });

  registerView('partners', async () => {
    const terms = await partnerTerms();
    fillOptions(byId('partners-platform'), terms.platforms);
    fillOptions(byId('partners-region'), terms.regions);
    fillOptions(byId('partners-thematic'), terms.thematicAreas);
    fillOptions(byId('partners-support'), terms.supportTypes);
    fillOptions(byId('partners-role'), terms.roles);
    const id = partnerIdFromHash();
    byId('partners-list').classList.toggle('hidden', id !== null);
    byId('partners-transfer').classList.toggle('hidden', id !== null);
    byId('partner-page').classList.toggle('hidden', id === null);
    if (id === null) {
      await loadPartnerList();
    } else {
      await loadPartnerPage(id);
      byId('partner-page').focus();
    }
  });

