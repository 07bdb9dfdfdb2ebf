// The station list's map (all stations matching the filters) and a station page's map (one pin).
(function () {
  'use strict';
  var element = document.getElementById('station-map');
  if (!element) {
    return;
  }
  var map = window.yizhanMap(element);

  if (element.dataset.lat) {
    var here = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    L.marker(here).addTo(map);
    map.setView(here, 16);
    return;
  }

  // Each status's colour is the one its legend entry shows beside its name.
  var colours = {};
  document.querySelectorAll('#station-map-legend [data-status]').forEach(function (dot) {
    colours[dot.dataset.status] = window.getComputedStyle(dot).backgroundColor;
  });
  var layer = L.featureGroup().addTo(map);

  // Popups are built from DOM nodes, never from HTML strings: names are user input.
  function popup(marker) {
    var box = document.createElement('div');
    var link = document.createElement('a');
    link.href = element.dataset.stationUrl + marker.id;
    link.textContent = marker.name;
    var code = document.createElement('div');
    code.className = 'small text-muted';
    code.textContent = marker.code;
    box.appendChild(link);
    box.appendChild(code);
    return box;
  }

  function load() {
    var form = document.getElementById('station-filters');
    var query = new URLSearchParams(new FormData(form)).toString();
    element.setAttribute('aria-busy', 'true');
    fetch(element.dataset.markers + '?' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        layer.clearLayers();
        data.markers.forEach(function (m) {
          L.circleMarker([m.lat, m.lon], {
            radius: 6, color: '#ffffff', weight: 1, fillColor: colours[m.status] || '#0d6efd', fillOpacity: 0.9,
            className: 'station-marker marker-' + m.code
          }).bindPopup(popup(m)).addTo(layer);
        });
        element.dataset.markerCount = String(data.markers.length);
        if (data.markers.length > 0) {
          map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 16 });
        }
        element.setAttribute('aria-busy', 'false');
      });
  }

  load();
  document.body.addEventListener('htmx:afterSettle', load);
})();
