
  // ── Reviewers ──
  // Each platform's reviewers (the platforms come from the taxonomy, through the summary), edited in a working copy of
  // the whole list and saved as one PUT of it, as the API takes it. The form checks what the API's validator checks,
  // so that most mistakes show next to their field before anything is sent; the API's own answer is shown as well.
  const reviewerRoles = ['primary', 'backup'];
  const reviewerMaxName = 200;
  const reviewerChangesPage = 20;
  let reviewerPlatforms = [];
  let reviewerList = [];
  let reviewerSaved = '[]';
  const reviewerEditing = {};
  let reviewerChangesNext = null;

  function reviewerKey(list) {
    return JSON.stringify(list.map((r) => [r.platform, Number(r.stage), r.email.toLowerCase(), r.name.trim(), r.role])
      .sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1)));
  }

  function reviewerLabel(platform) {
    return platformLabels[platform] || platform;
  }

  function reviewerOrder(a, b) {
    return a.r.stage - b.r.stage || reviewerRoles.indexOf(a.r.role) - reviewerRoles.indexOf(b.r.role) || (a.r.email < b.r.email ? -1 : 1);
  }

  function setFieldError(input, message) {
    const id = input.id + '-error';
    const box = byId(id);
    box.textContent = message || '';
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }

  function showReviewerErrors(messages) {
    const box = byId('reviewers-errors');
    if (!messages.length) {
      box.replaceChildren();
      return;
    }
    const list = element('ul');
    for (const message of messages) list.appendChild(element('li', message));
    box.replaceChildren(element('p', 'Nothing was changed:'), list);
  }

  function field(form, platform, name, text, control) {
    const wrap = element('div', null, 'field');
    control.id = 'reviewer-' + platform + '-' + name;
    control.name = name;
    const label = element('label', text);
    label.htmlFor = control.id;
    const error = element('span', '', 'field-error');
    error.id = control.id + '-error';
    wrap.append(label, control, error);
    form.appendChild(wrap);
    return control;
  }

  function reviewerForm(platform) {
    const label = reviewerLabel(platform);
    const editing = reviewerEditing[platform];
    const current = editing === undefined ? null : reviewerList[editing];
    const form = element('form', null, 'reviewer-form');
    form.id = 'reviewer-' + platform + '-form';
    form.noValidate = true;
    const title = element('h4', current ? 'Edit ' + current.name + ' (' + label + ')' : 'Add a reviewer to ' + label);
    title.id = form.id + '-title';
    form.setAttribute('aria-labelledby', title.id);
    form.appendChild(title);

    const name = field(form, platform, 'name', 'Name', element('input'));
    name.type = 'text';
    name.autocomplete = 'off';
    const email = field(form, platform, 'email', 'Email', element('input'));
    email.type = 'email';
    email.autocomplete = 'off';
    const role = field(form, platform, 'role', 'Role', element('select'));
    for (const value of reviewerRoles) {
      const option = element('option', value === 'primary' ? 'Primary' : 'Backup');
      option.value = value;
      role.appendChild(option);
    }
    const stage = field(form, platform, 'stage', 'Stage', element('input'));
    stage.type = 'number';
    stage.min = '1';
    stage.step = '1';
    stage.inputMode = 'numeric';
    name.value = current ? current.name : '';
    email.value = current ? current.email : '';
    role.value = current ? current.role : 'primary';
    stage.value = current ? String(current.stage) : '1';

    const buttons = element('div', null, 'buttons');
    const submit = element('button', current ? 'Keep these changes' : 'Add to the list', 'primary');
    submit.type = 'submit';
    buttons.appendChild(submit);
    if (current) {
      const cancel = element('button', 'Cancel editing');
      cancel.type = 'button';
      cancel.addEventListener('click', () => {
        delete reviewerEditing[platform];
        renderReviewers();
        byId('reviewer-' + platform + '-name').focus();
      });
      buttons.appendChild(cancel);
    }
    form.appendChild(buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      keepReviewer(platform, form);
    });
    return form;
  }

  // The rules of ReviewerValidator for one entry, by field.
  function reviewerProblems(platform, entry, except) {
    const problems = {};
    if (!entry.name) problems.name = 'Enter the reviewer\'s name.';
    else if (entry.name.length > reviewerMaxName) problems.name = 'The name must be at most ' + reviewerMaxName + ' characters.';
    if (!/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/.test(entry.email)) {
      problems.email = 'Enter an email address, like name@example.org.';
    }
    if (!reviewerRoles.includes(entry.role)) problems.role = 'Choose primary or backup.';
    if (!/^[0-9]+$/.test(String(entry.stageText)) || Number(entry.stageText) < 1) problems.stage = 'The stage is a whole number, 1 or more.';
    else if (reviewerList.some((r, i) => i !== except && r.platform === platform && r.stage === Number(entry.stageText)
      && r.email.toLowerCase() === entry.email.toLowerCase())) {
      problems.email = entry.email + ' is already a reviewer of this platform at stage ' + entry.stageText + '.';
    }
    return problems;
  }

  function keepReviewer(platform, form) {
    const label = reviewerLabel(platform);
    const entry = {
      name: form.elements.name.value.trim(),
      email: form.elements.email.value.trim(),
      role: form.elements.role.value,
      stageText: form.elements.stage.value.trim(),
    };
    const editing = reviewerEditing[platform];
    const problems = reviewerProblems(platform, entry, editing === undefined ? -1 : editing);
    const names = { name: 'Name', email: 'Email', role: 'Role', stage: 'Stage' };
    for (const key of Object.keys(names)) setFieldError(form.elements[key], problems[key]);
    const keys = Object.keys(names).filter((key) => problems[key]);
    if (keys.length) {
      showReviewerErrors(keys.map((key) => label + ', ' + names[key] + ': ' + problems[key]));
      form.elements[keys[0]].focus();
      return;
    }
    const reviewer = { platform, stage: Number(entry.stageText), email: entry.email, name: entry.name, role: entry.role };
    if (editing === undefined) reviewerList.push(reviewer); else reviewerList[editing] = reviewer;
    delete reviewerEditing[platform];
    showReviewerErrors([]);
    renderReviewers();
    byId('reviewers-status').textContent = (editing === undefined ? 'Added ' : 'Changed ') + reviewer.name + ' (' + label
      + '). Save all changes to keep it.';
    byId('reviewer-' + platform + '-name').focus();
  }

  function reviewerRow(platform, index) {
    const r = reviewerList[index];
    const edit = element('button', 'Edit');
    edit.type = 'button';
    edit.setAttribute('aria-label', 'Edit ' + r.name);
    edit.addEventListener('click', () => {
      reviewerEditing[platform] = index;
      renderReviewers();
      byId('reviewer-' + platform + '-name').focus();
    });
    const remove = element('button', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove ' + r.name);
    remove.addEventListener('click', () => {
      reviewerList.splice(index, 1);
      for (const key of Object.keys(reviewerEditing)) delete reviewerEditing[key];
      renderReviewers();
      byId('reviewers-status').textContent = 'Removed ' + r.name + ' (' + reviewerLabel(platform) + '). Save all changes to keep it.';
      byId('reviewers-' + platform + '-heading').focus();
    });
    const actions = element('span', null, 'buttons');
    actions.append(edit, ' ', remove);
    return row([String(r.stage), element('span', r.role === 'primary' ? 'Primary' : 'Backup', 'reviewer-role'), r.name, r.email, actions]);
  }

  function platformSection(platform) {
    const section = element('section', null, 'reviewer-platform');
    section.id = 'reviewers-' + platform;
    const heading = element('h3', reviewerLabel(platform));
    heading.id = section.id + '-heading';
    heading.tabIndex = -1;
    section.setAttribute('aria-labelledby', heading.id);
    section.appendChild(heading);
    const own = reviewerList.map((r, i) => ({ r, i })).filter((x) => x.r.platform === platform).sort(reviewerOrder);
    if (!own.some((x) => x.r.role === 'primary')) {
      section.classList.add('missing');
      section.appendChild(element('p', 'No primary reviewer: requests for ' + reviewerLabel(platform)
        + ' wait in review until one is added.', 'warning'));
    }
    if (own.length) {
      const table = element('table');
      const head = element('thead');
      const tr = element('tr');
      for (const name of ['Stage', 'Role', 'Name', 'Email', 'Actions']) {
        const th = element('th', name);
        th.scope = 'col';
        tr.appendChild(th);
      }
      head.appendChild(tr);
      const body = element('tbody');
      for (const x of own) body.appendChild(reviewerRow(platform, x.i));
      table.append(head, body);
      section.appendChild(table);
    }
    section.appendChild(reviewerForm(platform));
    return section;
  }

  function renderReviewers() {
    fill(byId('reviewer-platforms'), reviewerPlatforms.map(platformSection));
    const dirty = reviewerKey(reviewerList) !== reviewerSaved;
    byId('reviewers-pending').textContent = dirty ? 'Unsaved changes.' : 'No unsaved changes.';
  }

  function setReviewers(list) {
    reviewerList = list.map((r) => ({ platform: r.platform, stage: r.stage, email: r.email, name: r.name, role: r.role }));
    reviewerSaved = reviewerKey(reviewerList);
    for (const key of Object.keys(reviewerEditing)) delete reviewerEditing[key];
  }

  // "reviewers[3].email" → "Cities, name@example.org: email"; the API names each problem by the entry's place in the list.
  function describeProblemField(key) {
    const match = /^reviewers\[(\d+)\](?:\.(\w+))?$/.exec(key);
    if (!match || !reviewerList[Number(match[1])]) return key === 'reviewers' ? 'Reviewers' : reviewerLabel(key);
    const r = reviewerList[Number(match[1])];
    return reviewerLabel(r.platform) + ', ' + (r.name || r.email) + (match[2] ? ': ' + match[2] : '');
  }

  async function saveReviewers() {
    const response = await api('reviewers', { method: 'PUT', body: JSON.stringify({ reviewers: reviewerList }) });
    const body = await response.json().catch(() => ({}));
    if (response.status === 400 && body.errors) {
      showReviewerErrors(Object.entries(body.errors).flatMap(([key, messages]) =>
        messages.map((message) => describeProblemField(key) + ' — ' + message)));
      byId('reviewers-status').textContent = '';
      byId('reviewers-errors').focus();
      return;
    }
    if (!response.ok) throw new Error('Saving the reviewers answered ' + response.status + (body.detail ? ': ' + body.detail : ''));
    setReviewers(body.reviewers || []);
    showReviewerErrors([]);
    renderReviewers();
    const taken = body.takenOn || [];
    byId('reviewers-status').textContent = 'Saved.' + (taken.length
      ? ' ' + taken.length + (taken.length === 1 ? ' waiting request went' : ' waiting requests went') + ' on to review: ' + taken.join(', ') + '.'
      : '');
    await loadReviewerChanges(false);
  }

  function describeReviewer(r) {
    return r.name + ' <' + r.email + '>, ' + r.role + ', stage ' + r.stage;
  }

  function describeChange(item) {
    const before = new Map((item.before || []).map((r) => [r.stage + '|' + r.email, r]));
    const after = new Map((item.after || []).map((r) => [r.stage + '|' + r.email, r]));
    const list = element('ul');
    for (const [key, r] of after) {
      if (!before.has(key)) list.appendChild(element('li', 'Added ' + describeReviewer(r)));
      else if (before.get(key).name !== r.name || before.get(key).role !== r.role) {
        list.appendChild(element('li', 'Changed ' + describeReviewer(before.get(key)) + ' to ' + describeReviewer(r)));
      }
    }
    for (const [key, r] of before) if (!after.has(key)) list.appendChild(element('li', 'Removed ' + describeReviewer(r)));
    return list;
  }

  async function loadReviewerChanges(more) {
    const query = 'reviewers/changes?pageSize=' + reviewerChangesPage
      + (more && reviewerChangesNext ? '&continuation=' + encodeURIComponent(reviewerChangesNext) : '');
    const page = await json(query);
    const rows = page.items.map((item) => row([when(item.at), item.actor, reviewerLabel(item.platform), describeChange(item)]));
    if (more) byId('reviewer-changes').append(...rows); else fill(byId('reviewer-changes'), rows);
    if (!page.items.length && !more) fill(byId('reviewer-changes'), [row(['', '', '', 'No change has been saved yet.'])]);
    reviewerChangesNext = page.continuation || null;
    byId('reviewer-changes-more').hidden = !reviewerChangesNext;
  }

  byId('reviewers-save-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(saveReviewers);
  });
  byId('reviewer-changes-more').addEventListener('click', () => guarded(() => loadReviewerChanges(true)));
  byId('reviewers-errors').tabIndex = -1;

  registerView('reviewers', async () => {
    const summary = await readSummary();
    reviewerPlatforms = summary.perPlatform.map((p) => p.platform);
    setReviewers((await json('reviewers')).reviewers);
    showReviewerErrors([]);
    byId('reviewers-status').textContent = '';
    renderReviewers();
    await loadReviewerChanges(false);
    // #reviewers/cities (the overview's warnings link there) brings that platform's reviewers into view.
    const wanted = (location.hash.split('/')[1] || '');
    const heading = wanted && byId('reviewers-' + wanted + '-heading');
    if (heading) {
      heading.scrollIntoView();
      heading.focus();
    }
  });
