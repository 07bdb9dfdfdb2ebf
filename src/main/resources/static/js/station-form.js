// The create/edit form's map: click or drag the pin to set the entrance; typing coordinates
// moves the pin. Coordinates are in the map's own system (the form's hidden crs field).
(function () {
  'use strict';
  var element = document.getElementById('pin-map');
  if (!element) {
    return;
  }
  var map = window.yizhanMap(element);
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  var pin = null;

  function write(position) {
    lat.value = position.lat.toFixed(7);
    lon.value = position.lng.toFixed(7);
  }

  function place(position) {
    if (pin === null) {
      pin = L.marker(position, { draggable: true, autoPan: true }).addTo(map);
      pin.on('dragend', function () { write(pin.getLatLng()); });
    } else {
      pin.setLatLng(position);
    }
  }

  map.on('click', function (event) {
    place(event.latlng);
    write(event.latlng);
  });

  function fromInputs() {
    var la = parseFloat(lat.value);
    var lo = parseFloat(lon.value);
    if (isFinite(la) && isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
      place([la, lo]);
      return [la, lo];
    }
    return null;
  }

  lat.addEventListener('change', function () { var p = fromInputs(); if (p) { map.panTo(p); } });
  lon.addEventListener('change', function () { var p = fromInputs(); if (p) { map.panTo(p); } });

  var start = fromInputs();
  if (start) {
    map.setView(start, 16);
  }
})();
