// Every public page: registers the service worker (static/sw.js) and shows the offline banner when
// what is on screen came from its cache rather than from the server.
(function () {
  'use strict';
  var DATA_CACHE = 'yizhan-data-v1';
  var NEARBY_LATEST = '/api/v1/stations/nearby';

  function show(cachedAt) {
    var banner = document.getElementById('offline-banner');
    if (!banner) {
      return;
    }
    var time = document.getElementById('offline-cached-at');
    var when = new Date(cachedAt);
    if (time && !isNaN(when.getTime())) {
      time.dateTime = cachedAt;
      time.textContent = when.toLocaleString(document.documentElement.lang || 'zh-CN', {
        timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit'
      });
    }
    banner.hidden = false;
  }

  function hide() {
    var banner = document.getElementById('offline-banner');
    if (banner) {
      banner.hidden = true;
    }
  }

  // Keeps a copy of an answer the service worker did not see (it was not in control yet, as on the
  // very first visit), stamped like the worker stamps its own copies.
  function remember(url, response) {
    if (!('caches' in window)) {
      return Promise.resolve(false);
    }
    return response.blob().then(function (body) {
      var headers = new Headers(response.headers);
      headers.set('X-Yizhan-Cached-At', new Date().toISOString());
      return caches.open(DATA_CACHE).then(function (cache) {
        return Promise.all([
          cache.put(url, new Response(body, { status: response.status, headers: headers })),
          cache.put(NEARBY_LATEST, new Response(body, { status: response.status, headers: headers }))
        ]);
      });
    }).then(function () { return true; }, function () { return false; });
  }

  window.yizhanOffline = { show: show, hide: hide, remember: remember };

  // The worker marks pages it served from its cache on their <body>.
  if (document.body.dataset.cachedAt) {
    show(document.body.dataset.cachedAt);
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* pages work without it */ });
    navigator.serviceWorker.ready.then(function () {
      document.documentElement.dataset.offlineReady = 'true';
    });
  }
})();
