// The report form's optional location: asked of the phone only when the worker ticks the box, sent as
// WGS-84 (what the browser's geolocation gives); the server keeps only whether it was near the station.
(function () {
  var box = document.getElementById('share-location');
  if (!box || !navigator.geolocation) {
    if (box) { box.disabled = true; }
    return;
  }
  box.addEventListener('change', function () {
    var lat = document.getElementById('lat');
    var lon = document.getElementById('lon');
    if (!box.checked) {
      lat.value = '';
      lon.value = '';
      return;
    }
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude;
      lon.value = position.coords.longitude;
    }, function () {
      box.checked = false;
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
  });
})();
