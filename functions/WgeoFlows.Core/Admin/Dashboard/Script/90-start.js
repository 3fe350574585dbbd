  // ── Start ──
  // Opening a request from any view shows it in the requests view.
  async function openRequest(requestId) {
    if (current !== 'requests') {
      history.pushState(null, '', '#requests');
      await showView('requests');
    }
    await openDetail(requestId);
  }

  async function start() {
    await readSummary();
    showDashboard();
    await showView(viewFromHash());
  }

  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(keyName, byId('admin-key').value);
    byId('admin-key').value = '';
    guarded(start);
  });
  byId('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(keyName);
    showSignIn('');
  });

  // In Azure, App Service sign-in already identifies the admin: the first call works without a key. Locally it
  // answers 401 and the page asks for the key.
  guarded(start);
})();
