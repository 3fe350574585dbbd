  // ── Start ──
  // Opening a request from any view shows it in the requests view.
  async function openRequest(requestId) {
    if (current !== 'requests') {
      history.pushState(null, '', '#requests');
      await showView('requests');
    }
    await openDetail(requestId);
  }

  // Which sign-in this deployment uses, and whether this browser is signed in, come first: in Azure, App Service sign-in
  // already identifies the admin and no key is asked for; locally the page asks for the key.
  async function start() {
    session = await readSession();
    if (session.notAdmin) {
      showSignIn(session.notAdmin);
      byId('sign-in-switch').classList.remove('hidden');
      return;
    }
    if (!session.signedIn) {
      showSignIn(sessionStorage.getItem(keyName) ? 'That key was not accepted.' : '');
      return;
    }
    showSignedIn();
    await readSummary();
    showDashboard();
    await showView(viewFromHash());
  }

  // The key again after it stopped working: checked, then the view stays as it was, with what the admin typed, for them
  // to send again.
  async function signInAgain() {
    session = await readSession();
    if (!session.signedIn) {
      showSignIn('That key was not accepted.', true);
      return;
    }
    showSignedIn();
    byId('sign-in').classList.add('hidden');
    byId('sign-in').classList.remove('over-view');
    const notice = byId('session-expired');
    if (notice) notice.replaceChildren(element('p', 'Signed in again. Nothing was changed: send it again.'));
    const again = lastUsed && document.contains(lastUsed) ? (lastUsed.querySelector ? lastUsed.querySelector('button[type="submit"], button') : null) || lastUsed : null;
    if (again && typeof again.focus === 'function') again.focus();
  }

  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(keyName, byId('admin-key').value);
    byId('admin-key').value = '';
    guarded(signedInOnce ? signInAgain : start);
  });
  byId('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(keyName);
    signedInOnce = false;
    showSignIn('');
  });

  guarded(start);
})();
