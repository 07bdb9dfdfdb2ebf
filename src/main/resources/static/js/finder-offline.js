// Every public page: registers the service worker (static/sw.js) and shows the offline banner when
// what is on screen came from its cache rather than from the server.
(function () {
  'use strict';
  var DATA_CACHE = 'yizhan-data-v1';
  var SHELL_CACHE = 'yizhan-shell-v1';
  var NEARBY = '/api/v1/stations/nearby';

  // As sw.js's filterKey: the key of the latest answer for a nearby address's filters.
  function filterKey(address) {
    var url = new URL(address, window.location.origin);
    var params = new URLSearchParams();
    ['amenities', 'openNow', 'hostType', 'limit', 'crs', 'lang'].forEach(function (name) {
      var value = url.searchParams.get(name);
      if (value !== null) {
        params.set(name, name === 'amenities' ? value.split(',').sort().join(',') : value);
      }
    });
    return NEARBY + '?latest&' + params.toString();
  }

  // How old a kept answer is, in the page's words ("3 分钟前的结果"); texts from the element's data-t-age-*.
  function age(cachedAt, texts) {
    var minutes = Math.floor((Date.now() - new Date(cachedAt).getTime()) / 60000);
    if (isNaN(minutes) || minutes < 1) {
      return texts.tAgeNow;
    }
    if (minutes < 60) {
      return texts.tAgeMinutes.replace('{0}', minutes);
    }
    if (minutes < 48 * 60) {
      return texts.tAgeHours.replace('{0}', Math.floor(minutes / 60));
    }
    return texts.tAgeDays.replace('{0}', Math.floor(minutes / 1440));
  }

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
          cache.put(filterKey(url), new Response(body, { status: response.status, headers: headers }))
        ]);
      });
    }).then(function () { return true; }, function () { return false; });
  }

  window.yizhanOffline = { show: show, hide: hide, remember: remember, age: age };

  // The offline page speaks the language of the last page seen.
  if ('caches' in window) {
    caches.open(SHELL_CACHE).then(function (cache) {
      return cache.put('/offline-language', new Response(document.documentElement.lang === 'en' ? 'en' : 'zh-CN'));
    }).catch(function () { /* storage full or refused: the offline page stays Chinese */ });
  }

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
