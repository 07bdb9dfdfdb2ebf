// Console behaviour that the CSP (script-src 'self') keeps out of the pages themselves.
(function () {
  'use strict';
  // Forms that cannot be undone ask first.
  document.addEventListener('submit', function (event) {
    // the button pressed may ask its own question (one form, several verdicts)
    var question = (event.submitter && event.submitter.getAttribute('data-confirm'))
        || event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // A station picked from a search is added to the list of codes it names (the account form).
  document.addEventListener('click', function (event) {
    var picked = event.target.closest && event.target.closest('[data-add-station]');
    if (!picked) {
      return;
    }
    var field = document.querySelector(picked.getAttribute('data-add-station'));
    var code = picked.getAttribute('data-code');
    var codes = field.value.split(/[,，、;；\s]+/).filter(function (part) { return part !== ''; });
    if (codes.indexOf(code) < 0) {
      codes.push(code);
    }
    field.value = codes.join(', ');
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });

  // A table that turns into cards on a phone (table-stack, yizhan.css) names each cell by its
  // column's head; done again for the tables htmx brings in.
  function labelStackedTables(root) {
    var tables = root.querySelectorAll ? root.querySelectorAll('table.table-stack') : [];
    Array.prototype.forEach.call(tables, function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (heads[index] && !cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', heads[index]);
          }
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { labelStackedTables(document); });
  document.addEventListener('htmx:load', function (event) { labelStackedTables(event.target.parentNode || document); });

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
  // Leaflet's credit without the flag it adds by default: maps here carry the tile
  // provider's credits and approval number, nothing else.
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(element.dataset.tiles, {
    subdomains: element.dataset.subdomains,
    attribution: element.dataset.attribution,
    maxZoom: 19
  }).addTo(map);
  map.setView([parseFloat(element.dataset.centerLat || '35'), parseFloat(element.dataset.centerLon || '105')],
    parseInt(element.dataset.zoom || '4', 10));
  return map;
};
