// The one optional question about a station's listing (核实提问), asked under the thanks once a
// rating is in: its hours or one of its listed services, answered yes or no. Loaded by the
// rating page only then, so a first visit does not carry it. No libraries.
(function () {
  'use strict';
  var box = document.getElementById('listing-prompt');
  var form = document.getElementById('rating-form');
  if (!box || !form) {
    return;
  }
  var match = document.cookie.match(/(?:^|;\s*)yz_device=([A-Za-z0-9_-]{16,64})/);
  if (!match) {
    return;
  }
  var token = form.dataset.token;
  var device = match[1];
  var language = document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
  fetch('/api/v1/listing-prompts?token=' + encodeURIComponent(token) + '&deviceId=' + encodeURIComponent(device),
    { headers: { 'Accept': 'application/json', 'Accept-Language': language } })
    .then(function (answer) {
      return answer.status === 200 ? answer.json() : null;
    })
    .then(function (prompt) {
      if (prompt) {
        show(prompt);
      }
    }, function () { /* a question is optional: a failure asks nothing */ });

  function show(prompt) {
    var question = document.createElement('p');
    question.id = 'listing-prompt-text';
    question.textContent = prompt.text;
    box.appendChild(question);
    [[true, prompt.yes, 'listing-prompt-yes'], [false, prompt.no, 'listing-prompt-no']].forEach(function (choice) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn';
      button.id = choice[2];
      button.textContent = choice[1];
      button.addEventListener('click', function () {
        send(prompt.question, choice[0]);
      });
      box.appendChild(button);
    });
    box.hidden = false;
  }

  function send(question, agrees) {
    box.querySelectorAll('button').forEach(function (button) { button.disabled = true; });
    fetch('/api/v1/listing-prompts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': language },
      body: JSON.stringify({ token: token, deviceId: device, question: question, agrees: agrees })
    }).then(function (answer) {
      return answer.json();
    }).then(function (json) {
      box.textContent = '';
      var thanks = document.createElement('p');
      thanks.id = 'listing-prompt-thanks';
      thanks.textContent = json.message || json.detail || '';
      box.appendChild(thanks);
    }, function () {
      box.hidden = true;
    });
  }
})();
