  // ── Reviewers ──
  registerView('reviewers', async () => {});

