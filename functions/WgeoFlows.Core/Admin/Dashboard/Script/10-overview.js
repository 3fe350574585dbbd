  // ── Overview ──
  // Overview: counts, waiting stages and the charts.
  async function loadSummary() {
    const summary = await readSummary();
    showDashboard();

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
    fillWarnings(summary.warnings || []);
  }

  // Warnings: what stops requests (a platform with no primary reviewer, or whose reviewers' mails bounce), in red, first,
  // each with a link to that platform's reviewers.
  function fillWarnings(warnings) {
    byId('warnings').classList.toggle('hidden', warnings.length === 0);
    fill(byId('warning-items'), warnings.map((w) => {
      const li = element('li', null, 'warning');
      li.dataset.kind = w.kind;
      li.dataset.platform = w.platform;
      const link = element('a', 'Open the reviewers of ' + w.label);
      link.href = '#reviewers/' + encodeURIComponent(w.platform);
      li.append(element('span', w.message + ' '), link);
      return li;
    }));
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

  registerView('overview', loadSummary);

