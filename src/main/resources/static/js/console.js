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

  // A photo over the limit is refused here, before minutes of upload on a slow line.
  document.addEventListener('change', function (event) {
    var input = event.target;
    var limit = input.getAttribute && input.getAttribute('data-max-bytes');
    if (limit && input.files && input.files.length > 0) {
      input.setCustomValidity(input.files[0].size > parseInt(limit, 10) ? input.getAttribute('data-too-large') : '');
      input.reportValidity();
    }
  });
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
