// Sends the chosen ledger as the request body (not multipart: the container's multipart
// limit is sized for photos), shows the upload's progress, then opens the check's report
// the server redirects to.
(function () {
  const form = document.getElementById('import-form');
  if (!form) {
    return;
  }
  // The button stays disabled until this handler is attached: a form submitted before
  // it would send the file's name, not the file, and come back with a confusing error.
  const check = document.getElementById('import-check');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const file = document.getElementById('import-file').files[0];
    if (!file) {
      return;
    }
    const token = form.querySelector('input[name="_csrf"]');
    const url = form.action + '?fileName=' + encodeURIComponent(file.name)
      + (token ? '&_csrf=' + encodeURIComponent(token.value) : '');
    const progress = document.getElementById('import-progress');
    const bar = progress.querySelector('.progress-bar');
    progress.classList.remove('d-none');
    check.disabled = true;
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.style.width = Math.round(100 * e.loaded / e.total) + '%';
      }
    });
    request.addEventListener('load', function () {
      window.location.assign(request.responseURL || form.action);
    });
    request.addEventListener('error', function () {
      window.location.assign(form.action);
    });
    request.send(file);
  });
  check.disabled = false;
})();
