// The public finder ("/"): where am I, what is near, what is open, on a list and a map. Every text
// from a station is set with textContent; the page's own texts come in data-t-* attributes.
(function () {
  'use strict';
  var root = document.getElementById('finder');
  if (!root) {
    return;
  }
  var t = root.dataset;
  var mapElement = document.getElementById('finder-map');
  var crs = mapElement.dataset.crs;
  var list = document.getElementById('results');
  var count = document.getElementById('result-count');
  var resultsAge = document.getElementById('results-age');
  var empty = document.getElementById('results-empty');
  var status = document.getElementById('location-status');
  var placeForm = document.getElementById('place-search');
  var placeInput = document.getElementById('place-input');
  var placeList = document.getElementById('place-results');
  var placeNone = document.getElementById('place-none');
  var itemTemplate = document.getElementById('result-template');
  var icons = {};
  Array.prototype.forEach.call(document.getElementById('amenity-icons').content.children, function (icon) {
    icons[icon.dataset.amenity] = icon;
  });

  var map = L.map(mapElement);
  // Leaflet's credit without the flag it adds by default: maps here carry the tile
  // provider's credits and approval number, nothing else.
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(mapElement.dataset.tiles, {
    subdomains: mapElement.dataset.subdomains, attribution: mapElement.dataset.attribution, maxZoom: 19
  }).addTo(map);
  var centre = [parseFloat(mapElement.dataset.centerLat), parseFloat(mapElement.dataset.centerLon)];
  map.setView(centre, parseInt(mapElement.dataset.zoom, 10));
  var stationsLayer = L.featureGroup().addTo(map);
  var here = null;

  var filters = readFilters();
  var origin = null;
  var stations = [];
  var latest = 0;
  // When the answer on screen was kept by the service worker (offline): its open-now badges are as of
  // then, so each is checked against the clock before it is shown as current.
  var answerCachedAt = null;

  function fill(template, value) {
    return template.replace('{0}', value);
  }

  function readFilters() {
    var params = new URLSearchParams(window.location.search);
    var amenities = (params.get('amenities') || '').split(',').filter(function (a) { return icons[a]; });
    return { amenities: amenities, openNow: params.get('openNow') === 'true', allDay: params.get('allDay') === 'true' };
  }

  // The filters live in the address, so a reload (also offline) or a shared link shows the same search.
  function writeFilters() {
    var params = new URLSearchParams(window.location.search);
    ['amenities', 'openNow', 'allDay'].forEach(function (name) { params.delete(name); });
    if (filters.amenities.length) {
      params.set('amenities', filters.amenities.join(','));
    }
    if (filters.openNow) {
      params.set('openNow', 'true');
    }
    if (filters.allDay) {
      params.set('allDay', 'true');
    }
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  function showChips() {
    document.querySelectorAll('.chip').forEach(function (chip) {
      var on = chip.dataset.amenity ? filters.amenities.indexOf(chip.dataset.amenity) >= 0 : filters[chip.dataset.filter];
      chip.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }

  document.querySelectorAll('.chip').forEach(function (chip) {
    chip.addEventListener('click', function () {
      if (chip.dataset.amenity) {
        var at = filters.amenities.indexOf(chip.dataset.amenity);
        if (at >= 0) {
          filters.amenities.splice(at, 1);
        }
        else {
          filters.amenities.push(chip.dataset.amenity);
        }
      }
      else {
        filters[chip.dataset.filter] = !filters[chip.dataset.filter];
      }
      showChips();
      writeFilters();
      load();
    });
  });

  // The search box finds a place across every listed station (a district, a street or address, a
  // station's name) and searches from there; it does not filter the answer on screen.
  var p = placeForm.dataset;
  var placeTimer = null;
  var placeAsked = 0;

  function findPlaces(pickFirst) {
    var text = placeInput.value.trim();
    var mine = ++placeAsked;
    if (!text) {
      placeList.hidden = true;
      placeNone.hidden = true;
      return;
    }
    fetch(p.api + '?' + new URLSearchParams({ q: text, crs: crs }).toString(), { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { places: [] }; })
      .then(function (data) {
        if (mine !== placeAsked) {
          return;
        }
        placeList.replaceChildren();
        data.places.forEach(function (place) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'list-group-item list-group-item-action py-1 small place-' + place.kind;
          var kind = document.createElement('span');
          kind.className = 'badge text-bg-light border me-1';
          kind.textContent = p['t' + place.kind.charAt(0) + place.kind.slice(1).toLowerCase()];
          var name = document.createElement('strong');
          name.textContent = place.name;
          button.append(kind, name, ' · ' + (place.kind === 'DISTRICT' ? fill(p.tStations, place.stations) : place.district));
          button.addEventListener('click', function () { goTo(place); });
          placeList.appendChild(button);
        });
        placeList.hidden = data.places.length === 0;
        placeNone.hidden = data.places.length > 0;
        placeNone.textContent = fill(p.tNone, text);
        if (pickFirst && data.places.length) {
          goTo(data.places[0]);
        }
      }).catch(function () { /* offline: the box finds nothing, the answer on screen stays */ });
  }

  function goTo(place) {
    placeList.hidden = true;
    placeInput.value = place.name;
    var b = place.bounds;
    map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: [24, 24], maxZoom: 16 });
    searchFrom([place.location.lat, place.location.lon],
      fill(p.tPlace, place.kind === 'ADDRESS' ? place.district + ' ' + place.name : place.name));
  }

  placeInput.addEventListener('input', function () {
    window.clearTimeout(placeTimer);
    placeTimer = window.setTimeout(function () { findPlaces(false); }, 250);
  });
  placeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(placeTimer);
    findPlaces(true);
  });

  // Browsers report WGS-84; tiles drawn in GCJ-02 (Amap) need the published shift, as the server applies it.
  function toMapCrs(lat, lon) {
    if (crs !== 'gcj02' || lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271) {
      return [lat, lon];
    }
    var a = 6378245.0;
    var ee = 0.00669342162296594323;
    var x = lon - 105.0;
    var y = lat - 35.0;
    var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
      + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
      + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
      + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
      + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
      + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
      + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    var radLat = lat / 180.0 * Math.PI;
    var magic = 1 - ee * Math.sin(radLat) * Math.sin(radLat);
    var sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (a / sqrtMagic * Math.cos(radLat) * Math.PI);
    return [lat + dLat, lon + dLon];
  }

  function searchFrom(point, message) {
    origin = point;
    status.textContent = message;
    if (here) {
      here.setLatLng(point);
    }
    else {
      here = L.circleMarker(point, { radius: 7, color: '#0d6efd', weight: 3, fillColor: '#ffffff', fillOpacity: 1 })
        .bindTooltip(t.tYou).addTo(map);
    }
    load();
  }

  map.on('click', function (event) {
    searchFrom([event.latlng.lat, event.latlng.lng], t.tPicked);
  });

  function url() {
    var params = new URLSearchParams();
    params.set('lat', origin[0].toFixed(6));
    params.set('lon', origin[1].toFixed(6));
    params.set('crs', crs);
    params.set('radius', root.dataset.radius);
    // "24 h" is filtered here, from each answer's opening hours, so it asks for more to filter from.
    params.set('limit', filters.allDay ? root.dataset.wideLimit : root.dataset.limit);
    if (filters.amenities.length) {
      params.set('amenities', filters.amenities.join(','));
    }
    if (filters.openNow) {
      params.set('openNow', 'true');
    }
    // The hours come in words of the page's language; the language in the address keeps the
    // answers of the two languages apart in every cache.
    params.set('lang', document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
    return root.dataset.api + '?' + params.toString();
  }

  function load() {
    if (!origin) {
      return;
    }
    var mine = ++latest;
    var address = url();
    root.setAttribute('aria-busy', 'true');
    delete list.dataset.saved;
    fetch(address, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      var cachedAt = response.headers.get('X-Yizhan-Cached-At');
      var saved = response.headers.get('X-Yizhan-Saved') === 'true' || cachedAt
        ? Promise.resolve(true) : window.yizhanOffline.remember(address, response.clone());
      return response.json().then(function (data) {
        if (mine !== latest) {
          return;
        }
        stations = data.stations;
        answerCachedAt = cachedAt;
        if (cachedAt) {
          window.yizhanOffline.show(cachedAt);
        }
        else {
          window.yizhanOffline.hide();
        }
        render();
        fit();
        saved.then(function (kept) {
          if (kept && mine === latest) {
            list.dataset.saved = 'true';
          }
        });
      });
    }).catch(function () {
      if (mine === latest) {
        // No answer for these filters: the list must not keep another filter's stations.
        stations = [];
        answerCachedAt = null;
        render();
        empty.hidden = true;
        count.textContent = navigator.onLine === false ? t.tOfflineNone : t.tFailed;
      }
    }).then(function () {
      if (mine === latest) {
        root.setAttribute('aria-busy', 'false');
      }
    });
  }

  function allDay(station) {
    return /^\s*24\/7\s*$/.test(station.openingHours || '') || (station.openNow === true && !station.openUntil);
  }

  function dayInShanghai(offsetDays) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(Date.now() + offsetDays * 86400000));
  }

  // The API sends local times with +08:00, so the date and clock time are read off the string.
  function when(iso) {
    var day = iso.slice(0, 10);
    var time = iso.slice(11, 16);
    if (day === dayInShanghai(0)) {
      return time;
    }
    if (day === dayInShanghai(1)) {
      return fill(t.tTomorrow, time);
    }
    return day.slice(5) + ' ' + time;
  }

  function state(station) {
    if (answerCachedAt) {
      // Past the change the answer announced, the kept badge would be a guess.
      var now = Date.now();
      var passed = station.openNow === true ? station.openUntil && Date.parse(station.openUntil) <= now
        : station.openNow === false && station.nextOpen && Date.parse(station.nextOpen) <= now;
      if (passed) {
        return { css: 'state-UNKNOWN', text: t.tStale, stale: true };
      }
    }
    if (station.openNow === true) {
      return { css: 'state-OPEN', text: t.tOpen + ' · ' + (station.openUntil ? fill(t.tUntil, when(station.openUntil)) : t.tAllDay) };
    }
    if (station.openNow === false) {
      return { css: 'state-CLOSED', text: t.tClosed + (station.nextOpen ? ' · ' + fill(t.tOpens, when(station.nextOpen)) : '') };
    }
    return { css: 'state-UNKNOWN', text: t.tUnknown };
  }

  function distance(meters) {
    return meters < 1000 ? meters + ' m' : (meters / 1000).toFixed(1) + ' km';
  }

  function popup(station) {
    var link = document.createElement('a');
    link.href = root.dataset.stationUrl + station.id;
    link.textContent = station.name;
    return link;
  }

  function render() {
    var shown = stations.filter(function (station) {
      return !filters.allDay || allDay(station);
    });
    list.replaceChildren();
    stationsLayer.clearLayers();
    shown.forEach(function (station) {
      var item = itemTemplate.content.firstElementChild.cloneNode(true);
      item.id = 'result-' + station.id;
      var name = item.querySelector('.result-name');
      name.href = root.dataset.stationUrl + station.id;
      name.textContent = station.name;
      var badge = item.querySelector('.result-state');
      var open = state(station);
      var openNow = open.css === 'state-OPEN';
      badge.classList.add(open.css);
      if (open.stale) {
        badge.dataset.stale = 'true';
      }
      badge.textContent = open.text;
      item.querySelector('.result-distance').textContent = distance(station.distanceMeters) + ' · '
        + fill(t.tWalk, station.walkMinutes) + ' · ' + fill(t.tRide, station.rideMinutes);
      item.querySelector('.result-address').textContent = station.address || '';
      item.querySelector('.result-hours').textContent = station.openingHoursText || '';
      // 待核实 when reports hold the listing or nothing confirmed it for 60 days; else how fresh it is
      var freshness = item.querySelector('.result-freshness');
      if (station.unverified) {
        freshness.textContent = t.tUnverified;
        freshness.classList.replace('text-muted', 'text-warning-emphasis');
        freshness.classList.add('fw-semibold');
        item.dataset.unverified = 'true';
      } else if (station.confirmedDaysAgo === 0) {
        freshness.textContent = t.tConfirmedToday;
      } else if (typeof station.confirmedDaysAgo === 'number') {
        freshness.textContent = fill(t.tConfirmedDays, station.confirmedDaysAgo);
      }
      var amenities = item.querySelector('.result-amenities');
      station.amenities.forEach(function (amenity) {
        if (icons[amenity]) {
          amenities.appendChild(icons[amenity].cloneNode(true));
        }
      });
      if (station.entry && station.entry.unattendedNow) {
        var entry = item.querySelector('.result-entry');
        entry.textContent = t.tUnattended;
        entry.hidden = false;
      }
      list.appendChild(item);
      L.circleMarker([station.location.lat, station.location.lon], {
        radius: 7, color: '#ffffff', weight: 1, fillOpacity: 0.9,
        fillColor: openNow ? '#198754' : '#6c757d', className: 'station-marker marker-' + station.id
      }).bindPopup(popup(station)).addTo(stationsLayer);
    });
    count.textContent = fill(t.tCount, shown.length);
    resultsAge.hidden = !answerCachedAt;
    resultsAge.textContent = answerCachedAt ? window.yizhanOffline.age(answerCachedAt, t) : '';
    empty.hidden = shown.length > 0;
    list.dataset.count = String(shown.length);
  }

  function fit() {
    var bounds = stationsLayer.getBounds();
    if (origin) {
      bounds = bounds.isValid() ? bounds.extend(origin) : L.latLngBounds([origin, origin]);
    }
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  }

  // The last place searched from, used when the phone is offline or slow to find itself (a worker
  // indoors, a weak GPS): the answer can start from there and moves when the position comes.
  function lastOrigin() {
    try {
      var kept = JSON.parse(window.localStorage.getItem('yizhan.lastOrigin') || 'null');
      return kept && kept.crs === crs && isFinite(kept.lat) && isFinite(kept.lon) ? [kept.lat, kept.lon] : null;
    }
    catch (ignored) {
      return null;
    }
  }

  function keepOrigin(point) {
    try {
      window.localStorage.setItem('yizhan.lastOrigin', JSON.stringify({ lat: point[0], lon: point[1], crs: crs }));
    }
    catch (ignored) { /* private mode: nothing kept */ }
  }

  showChips();
  status.textContent = t.tLocating;
  var located = false;
  var last = lastOrigin();
  if (last) {
    var waitMs = navigator.onLine === false ? 0 : 3000;
    window.setTimeout(function () {
      if (!located && !origin) {
        searchFrom(last, t.tLastPlace);
      }
    }, waitMs);
  }
  if ('geolocation' in navigator) {
    navigator.geolocation.getCurrentPosition(function (position) {
      located = true;
      var point = toMapCrs(position.coords.latitude, position.coords.longitude);
      keepOrigin(point);
      searchFrom(point, t.tLocated);
    }, function () {
      located = true;
      searchFrom(last || centre, last ? t.tLastPlace : t.tFallback);
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 });
  }
  else {
    searchFrom(last || centre, last ? t.tLastPlace : t.tFallback);
  }
})();
