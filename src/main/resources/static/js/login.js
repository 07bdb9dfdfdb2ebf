// The sign-in form keeps the name typed when the password was wrong. The failed attempt comes
// back as a redirect to /login?error, and nothing is kept on the server before a sign-in (no
// session), so the browser keeps the name for this tab only, and the password field gets the focus.
(function () {
  'use strict';
  var key = 'yizhan.login.username';
  var form = document.getElementById('login-form');
  var name = document.getElementById('username');
  form.addEventListener('submit', function () {
    try { window.sessionStorage.setItem(key, name.value); } catch (e) { /* storage off: nothing kept */ }
  });
  try {
    if (new URLSearchParams(window.location.search).has('error')) {
      var kept = window.sessionStorage.getItem(key);
      if (kept && !name.value) {
        name.value = kept;
        document.getElementById('password').focus();
      }
    } else {
      window.sessionStorage.removeItem(key);
    }
  } catch (e) { /* storage off: the name is typed again */ }
})();
