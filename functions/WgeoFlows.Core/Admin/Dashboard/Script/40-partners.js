  // ── Partners ──
  registerView('partners', async () => {});

