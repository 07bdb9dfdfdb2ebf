// The coverage page's map: the grid as one image over the tiles, the largest gaps, and the
// suggested sites numbered in pick order. Coordinates arrive in the tiles' coordinate system.
(function () {
  'use strict';
  var element = document.getElementById('coverage-map');
  if (!element) {
    return;
  }
  var map = window.yizhanMap(element);
  var b = element.dataset.bounds.split(',').map(parseFloat);
  var bounds = L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
  L.imageOverlay(element.dataset.grid, bounds, { opacity: 0.75, className: 'coverage-grid' }).addTo(map);
  map.fitBounds(bounds);

  JSON.parse(element.dataset.gaps || '[]').forEach(function (gap, i) {
    L.circleMarker([gap.lat, gap.lon], {
      radius: 5, color: '#842029', weight: 2, fillOpacity: 0, className: 'gap-marker'
    }).bindTooltip(String(i + 1)).addTo(map);
  });

  var sites = JSON.parse(element.dataset.sites || '[]');
  var layer = L.featureGroup().addTo(map);
  sites.forEach(function (site, i) {
    // Tooltips take text nodes, never HTML strings: names come from map data.
    var label = document.createElement('span');
    label.textContent = (i + 1) + '. ' + site.name + ' +' + (site.share * 100).toFixed(2) + '%';
    L.circleMarker([site.lat, site.lon], {
      radius: 8, color: '#ffffff', weight: 2, fillColor: '#0d6efd', fillOpacity: 1, className: 'site-marker'
    }).bindTooltip(label).addTo(layer);
  });
  element.dataset.siteCount = String(sites.length);

  // A suggested site's name in the list zooms the map to it and opens its label; the
  // zoom reached is kept on the map's element (data-view-zoom) for those who check it.
  var markers = layer.getLayers();
  map.on('zoomend moveend', function () {
    element.dataset.viewZoom = String(map.getZoom());
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.site-zoom');
    if (!button) {
      return;
    }
    var index = parseInt(button.getAttribute('data-site-index'), 10);
    var site = sites[index];
    if (!site) {
      return;
    }
    map.setView([site.lat, site.lon], 16);
    if (markers[index]) {
      markers[index].openTooltip();
    }
    element.scrollIntoView({ block: 'nearest' });
  });
})();
