// The rating page (/r/{token}): stars, tags, an optional category, comment and location check,
// sent as JSON to POST /api/v1/ratings; and the problem report, sent to POST /api/v1/problems.
// No libraries: the page must load on a weak 3G line.
(function () {
  'use strict';
  var form = document.getElementById('rating-form');
  if (!form) {
    return;
  }
  var texts = form.dataset;
  var status = document.getElementById('rating-status');
  var submit = document.getElementById('rating-submit');
  var here = null;

  // The phone's long-lived random id, from the cookie the page set; made here if cookies were
  // refused, so the rating still carries one.
  function deviceId() {
    var match = document.cookie.match(/(?:^|;\s*)yz_device=([A-Za-z0-9_-]{16,64})/);
    if (match) {
      return match[1];
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var id = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    document.cookie = 'yz_device=' + id + '; path=/; max-age=63072000; samesite=lax';
    return id;
  }

  // A hash of the browser's stable traits only (no canvas or font probing): the server keeps a
  // keyed hash of this, to see one browser behind many device ids.
  function fingerprint() {
    var n = navigator;
    var s = window.screen || {};
    var zone = '';
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
    } catch (e) {
      zone = '';
    }
    var traits = [n.userAgent, (n.languages || [n.language]).join(','), n.platform, n.hardwareConcurrency,
      n.deviceMemory, n.maxTouchPoints, s.width + 'x' + s.height + 'x' + s.colorDepth, window.devicePixelRatio,
      zone].join('|');
    return hash(traits, 0x9e3779b9) + hash(traits, 0x85ebca6b);
  }

  function hash(text, seed) {
    var h1 = 0xdeadbeef ^ seed;
    var h2 = 0x41c6ce57 ^ seed;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  }

  function say(element, text, isError) {
    element.textContent = text || '';
    element.className = isError ? 'status error' : 'status';
  }

  // Stars: the chosen one and those before it light up.
  var stars = form.querySelectorAll('input[name=stars]');
  function paintStars() {
    var chosen = form.querySelector('input[name=stars]:checked');
    var value = chosen ? Number(chosen.value) : 0;
    stars.forEach(function (input) {
      input.nextElementSibling.classList.toggle('on', Number(input.value) <= value);
    });
    if (value) {
      say(status, '');
    }
  }
  stars.forEach(function (input) {
    input.addEventListener('change', paintStars);
  });

  // A chosen category can be chosen away again.
  form.querySelectorAll('input[name=category]').forEach(function (input) {
    input.addEventListener('click', function () {
      if (input.dataset.was === 'on') {
        input.checked = false;
      }
      form.querySelectorAll('input[name=category]').forEach(function (other) {
        other.dataset.was = other.checked ? 'on' : '';
      });
    });
  });

  var comment = document.getElementById('comment');
  var count = document.getElementById('comment-count');
  comment.addEventListener('input', function () {
    count.textContent = comment.value.length;
  });

  // The location check: asked only when the worker ticks it. A fix less precise than the
  // station's 300 m would decide nothing, so it is not sent.
  var near = document.getElementById('near-check');
  var nearStatus = document.getElementById('near-status');
  near.addEventListener('change', function () {
    here = null;
    if (!near.checked) {
      nearStatus.textContent = '';
      return;
    }
    if (!navigator.geolocation) {
      near.checked = false;
      nearStatus.textContent = texts.notLocated;
      return;
    }
    nearStatus.textContent = texts.checking;
    navigator.geolocation.getCurrentPosition(function (position) {
      if (position.coords.accuracy > 300) {
        nearStatus.textContent = texts.imprecise;
        return;
      }
      here = { lat: position.coords.latitude, lon: position.coords.longitude, crs: 'wgs84' };
      nearStatus.textContent = texts.located;
    }, function () {
      near.checked = false;
      nearStatus.textContent = texts.notLocated;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (json) {
        return { status: response.status, json: json };
      });
    });
  }

  // A problem's detail names the field and the rule, in the page's language.
  function problemText(json, fallback) {
    return (json && json.detail) || fallback;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = form.querySelector('input[name=stars]:checked');
    if (!chosen) {
      say(status, texts.needStars, true);
      return;
    }
    var tags = [];
    form.querySelectorAll('input[name=tags]:checked').forEach(function (input) {
      tags.push(input.value);
    });
    var category = form.querySelector('input[name=category]:checked');
    var body = {
      token: form.dataset.token,
      stars: Number(chosen.value),
      tags: tags,
      category: category ? category.value : null,
      comment: comment.value,
      deviceId: deviceId(),
      fingerprint: fingerprint()
    };
    if (here) {
      body.location = here;
    }
    submit.disabled = true;
    say(status, texts.sending);
    post('/api/v1/ratings', body).then(function (answer) {
      if (answer.status === 201 || answer.status === 200) {
        form.hidden = true;
        var thanks = document.getElementById('thanks');
        thanks.dataset.status = answer.json.status;
        document.getElementById('thanks-message').textContent = answer.json.message;
        thanks.hidden = false;
        thanks.scrollIntoView();
        // the listing's one optional question, loaded only now: a first visit does not carry it
        var prompt = document.getElementById('listing-prompt');
        if (prompt) {
          var script = document.createElement('script');
          script.src = prompt.dataset.script;
          document.body.appendChild(script);
        }
        return;
      }
      submit.disabled = false;
      say(status, problemText(answer.json, texts.other), true);
    }, function () {
      submit.disabled = false;
      say(status, texts.network, true);
    });
  });

  // A time as the reporter reads it: Beijing time, in the page's language.
  function beijingTime(iso) {
    var english = document.documentElement.lang === 'en';
    return new Intl.DateTimeFormat(english ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai', month: english ? 'short' : 'numeric', day: 'numeric',
      hour: '2-digit', minute: '2-digit', hour12: false
    }).format(new Date(iso));
  }

  // The number is the reporter's key to the ticket: one tap copies it.
  document.getElementById('problem-copy').addEventListener('click', function (event) {
    var button = event.currentTarget;
    var number = document.getElementById('problem-number').textContent;
    var done = function () { button.textContent = button.dataset.copied; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(number).then(done, function () { selectNumber(); });
    } else {
      selectNumber();
    }
  });

  // Where the clipboard is refused, the number is selected for the phone's own copy menu.
  function selectNumber() {
    var range = document.createRange();
    range.selectNodeContents(document.getElementById('problem-number'));
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Report a problem: the tickets slice answers with the ticket's number and status page.
  var problemForm = document.getElementById('problem-form');
  var problemStatus = document.getElementById('problem-status');
  var problemSubmit = document.getElementById('problem-submit');
  problemForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var said = problemForm.dataset;
    var type = problemForm.querySelector('input[name=problem]:checked');
    if (!type) {
      say(problemStatus, said.needType, true);
      return;
    }
    problemSubmit.disabled = true;
    say(problemStatus, said.sending);
    post('/api/v1/problems', {
      token: problemForm.dataset.token,
      problem: type.value,
      description: document.getElementById('problem-description').value,
      deviceId: deviceId()
    }).then(function (answer) {
      if (answer.status === 201 && answer.json.number) {
        problemForm.hidden = true;
        document.getElementById('problem-number').textContent = answer.json.number;
        document.getElementById('problem-link').href = answer.json.statusUrl || ('/p/' + encodeURIComponent(answer.json.number));
        var due = document.getElementById('problem-due');
        due.textContent = answer.json.dueAt ? due.dataset.template.replace('{0}', beijingTime(answer.json.dueAt)) : '';
        document.getElementById('problem-result').hidden = false;
        return;
      }
      problemSubmit.disabled = false;
      say(problemStatus, answer.status === 404 ? said.unavailable : problemText(answer.json, said.unavailable), true);
    }, function () {
      problemSubmit.disabled = false;
      say(problemStatus, said.network, true);
    });
  });
})();
