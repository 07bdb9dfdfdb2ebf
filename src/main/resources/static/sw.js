// yizhan's service worker: the public pages keep working on a dropped 3G line. The app shell is
// kept at install; nearby answers, station pages and their photos are fetched from the network
// first and kept, and served from the cache when the network fails or stalls. Copies carry the time
// they were kept (X-Yizhan-Cached-At) so the pages can say how old they are. A nearby answer stands in
// only for an answer with the same filters (amenities, open now, ...), never for another filter's. A
// public page with no copy is answered, offline, with the offline page (kept at install) in the
// language of the page last seen, not with the browser's own error. The console and everything
// cross-origin (map tiles) pass through untouched.
'use strict';

var SHELL_CACHE = 'yizhan-shell-v1';
var DATA_CACHE = 'yizhan-data-v1';
var NEARBY = '/api/v1/stations/nearby';
// The finder page names the rest of the shell: its stylesheets, scripts and icons (WebJar URLs carry
// the library's version, so they are read from the page rather than written down here).
var SHELL_PAGE = '/';
var OFFLINE_PAGE = '/offline';
// Written by finder-offline.js on every public page: the visitor's language, for the offline page.
var LANGUAGE = '/offline-language';
var SHELL_ASSET = /(?:href|src)="(\/(?:webjars|css|js|img)\/[^"?#]+)"/g;
var MAX_DATA_ENTRIES = 60;
var NETWORK_TIMEOUT_MS = 6000;
var STATION_PAGE = /^\/stations\/\d+$/;
var STATION_PHOTO = /^\/stations\/\d+\/photos\/\d+$/;

function stamp(response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set('X-Yizhan-Cached-At', new Date().toISOString());
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

function keep(cacheName, keys, response) {
  return stamp(response).then(function (copy) {
    return caches.open(cacheName).then(function (cache) {
      return Promise.all(keys.map(function (key) { return cache.put(key, copy.clone()); })).then(function () {
        return trim(cache);
      });
    });
  });
}

function trim(cache) {
  return cache.keys().then(function (keys) {
    var excess = keys.length - MAX_DATA_ENTRIES;
    return Promise.all(keys.slice(0, Math.max(0, excess)).map(function (key) { return cache.delete(key); }));
  });
}

function withHeader(response, name, value) {
  var headers = new Headers(response.headers);
  headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: headers });
}

// A cached page is marked on its <body>; the page's script then shows the offline banner.
function markedPage(cached) {
  var cachedAt = cached.headers.get('X-Yizhan-Cached-At') || '';
  return cached.text().then(function (html) {
    return new Response(html.replace('<body', '<body data-cached-at="' + cachedAt + '"'),
      { headers: { 'Content-Type': 'text/html;charset=UTF-8' } });
  });
}

// The network's answer, kept on the way; or, when the network fails or is slower than
// NETWORK_TIMEOUT_MS and a copy exists, the copy.
function networkFirst(request, keys, fromCache) {
  return new Promise(function (resolve, reject) {
    var done = false;
    function answer(response) {
      if (!done) {
        done = true;
        resolve(response);
      }
    }
    function fallback(error) {
      fromCache().then(function (cached) {
        if (cached) {
          answer(cached);
        }
        else if (error && !done) {
          done = true;
          reject(error);
        }
      });
    }
    var timer = setTimeout(function () { fallback(null); }, NETWORK_TIMEOUT_MS);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      if (!response.ok) {
        answer(response);
        return;
      }
      keep(DATA_CACHE, keys, response.clone()).then(function () {
        answer(withHeader(response, 'X-Yizhan-Saved', 'true'));
      }, function () {
        answer(response);
      });
    }, function (error) {
      clearTimeout(timer);
      fallback(error);
    });
  });
}

// The filters of a nearby address, without the place: the key of the latest answer for those filters,
// which stands in when the phone is offline at another spot. finder-offline.js computes the same key.
function filterKey(address) {
  var url = new URL(address, self.location.origin);
  var params = new URLSearchParams();
  ['amenities', 'openNow', 'hostType', 'limit', 'crs', 'lang'].forEach(function (name) {
    var value = url.searchParams.get(name);
    if (value !== null) {
      params.set(name, name === 'amenities' ? value.split(',').sort().join(',') : value);
    }
  });
  return NEARBY + '?latest&' + params.toString();
}

// The offline page, marked with the language of the page the visitor last saw.
function offlinePage() {
  return Promise.all([match(SHELL_CACHE, OFFLINE_PAGE), match(SHELL_CACHE, LANGUAGE)]).then(function (found) {
    if (!found[0]) {
      return undefined;
    }
    return Promise.all([found[0].text(), found[1] ? found[1].text() : 'zh-CN']).then(function (texts) {
      var lang = texts[1] === 'en' ? 'en' : 'zh-CN';
      return new Response(texts[0].replace(/<html([^>]*?) lang="[^"]*"/, '<html$1 lang="' + lang + '"'),
        { status: 503, headers: { 'Content-Type': 'text/html;charset=UTF-8' } });
    });
  });
}

function fromPublicPage(event) {
  return self.clients.get(event.clientId).then(function (client) {
    var path = client ? new URL(client.url).pathname : '';
    return path === '/' || STATION_PAGE.test(path);
  });
}

function match(cacheName, key) {
  return caches.open(cacheName).then(function (cache) { return cache.match(key, { ignoreVary: true }); });
}

function shellAssets(html) {
  var assets = [];
  var found;
  SHELL_ASSET.lastIndex = 0;
  while ((found = SHELL_ASSET.exec(html)) !== null) {
    if (assets.indexOf(found[1]) < 0) {
      assets.push(found[1]);
    }
  }
  return assets;
}

function keepShell(cache, url) {
  return fetch(url, { credentials: 'same-origin' }).then(function (response) {
    return response.ok ? stamp(response).then(function (copy) { return cache.put(url, copy); }) : null;
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) {
    return Promise.all([SHELL_PAGE, OFFLINE_PAGE].map(function (page) {
      return fetch(page, { credentials: 'same-origin' }).then(function (response) {
        return response.clone().text().then(function (html) {
          return stamp(response).then(function (copy) { return cache.put(page, copy); }).then(function () {
            return shellAssets(html);
          });
        });
      });
    })).then(function (lists) {
      // The two pages share their stylesheets: each file is fetched once.
      var assets = [];
      lists.forEach(function (list) {
        list.forEach(function (url) {
          if (assets.indexOf(url) < 0) {
            assets.push(url);
          }
        });
      });
      return Promise.all(assets.map(function (url) { return keepShell(cache, url); }));
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name !== SHELL_CACHE && name !== DATA_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  var path = url.pathname;
  if (path === NEARBY) {
    var latest = filterKey(request.url);
    event.respondWith(networkFirst(request, [request.url, latest], function () {
      return match(DATA_CACHE, request.url).then(function (hit) { return hit || match(DATA_CACHE, latest); });
    }));
  }
  else if (request.mode === 'navigate' && (path === '/' || STATION_PAGE.test(path))) {
    // One copy per page whatever its query string (?lang=en, the finder's filters).
    event.respondWith(networkFirst(request, [path], function () {
      return match(DATA_CACHE, path).then(function (hit) {
        return hit || (path === '/' ? match(SHELL_CACHE, '/') : undefined);
      }).then(function (hit) { return hit ? markedPage(hit) : offlinePage(); });
    }));
  }
  else if (STATION_PHOTO.test(path)) {
    event.respondWith(networkFirst(request, [request.url], function () { return match(DATA_CACHE, request.url); }));
  }
  else if (/^\/(?:webjars|css|js|img)\//.test(path)) {
    event.respondWith(Promise.all([match(SHELL_CACHE, path), fromPublicPage(event)]).then(function (found) {
      var cached = found[0];
      if (!found[1]) {
        // The console's own files are not kept: a copy here could outlive a release.
        return cached || fetch(request);
      }
      // The shell: from the cache at once, refreshed in the background for the next visit.
      var refresh = fetch(request).then(function (response) {
        if (!response.ok) {
          return response;
        }
        return stamp(response.clone()).then(function (stamped) {
          return caches.open(SHELL_CACHE).then(function (cache) { return cache.put(path, stamped); });
        }).then(function () { return response; });
      });
      event.waitUntil(refresh.catch(function () { /* offline: the copy stays */ }));
      return cached || refresh;
    }));
  }
});
