// The selection page's map: the listed page of applications, shaded by the single coverage each
// adds by day, and the picks of "choose N" numbered in pick order. Coordinates arrive in the
// tiles' coordinate system.
(function () {
  'use strict';
  var element = document.getElementById('application-map');
  if (!element) {
    return;
  }
  var map = window.yizhanMap(element);
  var layer = L.featureGroup().addTo(map);
  var markers = JSON.parse(element.dataset.markers || '[]');
  markers.forEach(function (m) {
    var marker = L.circleMarker([m.lat, m.lon], {
      radius: m.pick ? 9 : 6, color: m.pick ? '#842029' : '#ffffff', weight: m.pick ? 3 : 1,
      fillColor: m.gain > 0 ? '#0d6efd' : '#6c757d', fillOpacity: m.pick ? 0.3 : 0.85,
      className: (m.pick ? 'pick-marker' : 'application-marker') + ' marker-' + m.id
    });
    // tooltips from text, never HTML: names are the applicants' input
    var label = document.createElement('span');
    label.textContent = m.name;
    marker.bindTooltip(label).addTo(layer);
  });
  element.dataset.markerCount = String(markers.length);
  if (markers.length > 0) {
    map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 15 });
  }
})();
