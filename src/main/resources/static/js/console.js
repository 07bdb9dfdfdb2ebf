// Console behaviour that the CSP (script-src 'self') keeps out of the pages themselves.
(function () {
  'use strict';
  // Forms that cannot be undone ask first.
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();

// Shared map set-up: tiles from the server's configuration, in the coordinate system the server
// also uses for the coordinates it sends to this page.
window.yizhanMap = function (element) {
  'use strict';
  var map = L.map(element);
  L.tileLayer(element.dataset.tiles, {
    subdomains: element.dataset.subdomains,
    attribution: element.dataset.attribution,
    maxZoom: 19
  }).addTo(map);
  map.setView([parseFloat(element.dataset.centerLat || '35'), parseFloat(element.dataset.centerLon || '105')],
    parseInt(element.dataset.zoom || '4', 10));
  return map;
};
