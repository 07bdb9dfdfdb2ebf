// The inspection form (templates/inspection/console/form.html): the time field starts at the
// phone's own clock, and the phone's position (WGS-84 from the browser) goes with the form,
// where the server only decides whether it was within 200 m of the station and keeps nothing
// else of it. Without a position the inspection is stored as "not known".
(function () {
  var form = document.getElementById('inspection-form');
  if (!form) {
    return;
  }
  var time = document.getElementById('inspection-time');
  if (time && !time.dataset.touched) {
    var now = new Date();
    var local = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
    // the server reads the field as Beijing time: only a phone in that zone may put its own
    if (now.getTimezoneOffset() === -480) {
      time.value = local;
    }
  }
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById('inspection-lat').value = position.coords.latitude.toFixed(6);
      document.getElementById('inspection-lon').value = position.coords.longitude.toFixed(6);
    }, function () { /* no position: "not known" */ }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }
})();
