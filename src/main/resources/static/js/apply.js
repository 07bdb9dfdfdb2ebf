// The merchant's application form: a pin on the map, the hours read back as they are typed, and the
// submission to POST /api/v1/applications (the form as JSON, the photos shrunk in the browser so that
// nine phone photos fit the request limit). Every check is the server's; this only helps.
(function () {
  'use strict';
  var form = document.getElementById('apply-form');
  if (!form) {
    return;
  }
  var MAX_SIDE = 1600;

  // ---- the map: coordinates are written in the tiles' own system, which the crs field then names
  var mapElement = document.getElementById('site-map');
  var lat = document.getElementById('site-lat');
  var lon = document.getElementById('site-lon');
  var crs = document.getElementById('site-crs');
  if (window.L && mapElement) {
    var map = window.yizhanMap(mapElement);
    var pin = null;
    var place = function (position) {
      if (pin === null) {
        pin = L.marker(position, { draggable: true, autoPan: true }).addTo(map);
        pin.on('dragend', function () { write(pin.getLatLng()); });
      } else {
        pin.setLatLng(position);
      }
    };
    var write = function (position) {
      lat.value = position.lat.toFixed(7);
      lon.value = position.lng.toFixed(7);
      crs.value = mapElement.dataset.crs;
    };
    map.on('click', function (event) {
      place(event.latlng);
      write(event.latlng);
    });
    var typed = function () {
      var la = parseFloat(lat.value);
      var lo = parseFloat(lon.value);
      // Only a pair in the map's own system can be drawn on it.
      if (crs.value === mapElement.dataset.crs && isFinite(la) && isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
        place([la, lo]);
        map.panTo([la, lo]);
      }
    };
    ['input', 'change'].forEach(function (kind) {
      lat.addEventListener(kind, typed);
      lon.addEventListener(kind, typed);
      crs.addEventListener(kind, typed);
    });
  }

  // ---- the hours, read back by the server as they are typed
  var hours = document.getElementById('openingHours');
  var reading = document.getElementById('hours-reading');
  var timer = null;
  var readHours = function () {
    fetch(form.dataset.hours + '?value=' + encodeURIComponent(hours.value), { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        reading.textContent = '';
        reading.classList.toggle('text-danger', !answer.valid);
        (answer.valid ? answer.lines : [answer.error]).forEach(function (line) {
          var div = document.createElement('div');
          div.textContent = line;
          reading.appendChild(div);
        });
      })
      .catch(function () { reading.textContent = ''; });
  };
  var readSoon = function () {
    clearTimeout(timer);
    timer = setTimeout(readHours, 300);
  };
  hours.addEventListener('input', readSoon);
  // The week editor writes the field and says so with a change event.
  hours.addEventListener('change', readSoon);
  readHours();

  // ---- photos: shrunk to at most 1600 px as JPEG; a file the browser cannot read goes as it is,
  // for the server to refuse by name
  var shrink = function (file) {
    return new Promise(function (resolve) {
      var url = URL.createObjectURL(file);
      var image = new Image();
      image.onload = function () {
        var scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
        canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
        canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) { resolve(blob || file); }, 'image/jpeg', 0.85);
      };
      image.onerror = function () {
        URL.revokeObjectURL(url);
        resolve(file);
      };
      image.src = url;
    });
  };

  var value = function (name) {
    var field = form.elements.namedItem(name);
    return field && field.value.trim() !== '' ? field.value.trim() : null;
  };
  var number = function (name) {
    var text = value(name);
    return text === null ? null : Number(text);
  };

  var errors = document.getElementById('apply-errors');
  var errorList = document.getElementById('apply-error-list');
  var progress = document.getElementById('apply-progress');
  var submit = document.getElementById('apply-submit');

  var labelOf = function (field) {
    var name = field.replace(/\[\d+\]/g, '');
    var input = form.querySelector('[name="' + name + '"]') || form.querySelector('[name="' + name.split('.')[0] + '"]');
    if (input) {
      var label = form.querySelector('label[for="' + input.id + '"]');
      if (label) {
        return label.textContent;
      }
      var legend = input.closest('fieldset') && input.closest('fieldset').querySelector('legend');
      if (legend) {
        return legend.textContent;
      }
    }
    return field;
  };

  var showErrors = function (problem) {
    errorList.textContent = '';
    var items = problem.errors && problem.errors.length > 0
      ? problem.errors.map(function (e) { return labelOf(e.field) + '：' + e.message; })
      : [problem.detail || form.dataset.failed];
    items.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      errorList.appendChild(li);
    });
    errors.hidden = false;
    errors.scrollIntoView({ behavior: 'smooth' });
  };

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var coBuilder = value('coBuilders.creditCode') || value('coBuilders.name')
      ? [{ creditCode: value('coBuilders.creditCode'), name: value('coBuilders.name') }] : [];
    var amenities = Array.prototype.map.call(form.querySelectorAll('input[name="amenities"]:checked'),
      function (box) { return box.value; });
    var mode = form.querySelector('input[name="buildMode"]:checked');
    var application = {
      host: { creditCode: value('host.creditCode'), name: value('host.name'), kind: value('host.kind') },
      coBuilders: coBuilder,
      contact: { name: value('contact.name'), phone: value('contact.phone'), email: value('contact.email') },
      site: {
        district: value('site.district'), address: value('site.address'), lat: number('site.lat'),
        lon: number('site.lon'), crs: value('site.crs'), areaM2: number('site.areaM2'), floor: number('site.floor'),
        facingStreet: document.getElementById('site-facingStreet').checked
      },
      stationName: value('stationName'), amenities: amenities, openingHours: value('openingHours'),
      buildMode: mode ? mode.value : null, description: value('description')
    };
    var files = Array.prototype.slice.call(document.getElementById('photos').files);
    submit.disabled = true;
    progress.textContent = form.dataset.sending;
    errors.hidden = true;
    // More than allowed go as they are (unread): the server refuses the count, not each photo.
    var prepared = files.length > parseInt(form.dataset.maxPhotos, 10)
      ? Promise.resolve(files) : Promise.all(files.map(shrink));
    prepared.then(function (photos) {
      var body = new FormData();
      body.append('application', new Blob([JSON.stringify(application)], { type: 'application/json' }));
      photos.forEach(function (photo, i) { body.append('photos', photo, 'photo-' + (i + 1) + '.jpg'); });
      return fetch(form.dataset.api, { method: 'POST', body: body, headers: { Accept: 'application/json' } });
    }).then(function (response) {
      return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
    }).then(function (result) {
      if (result.ok) {
        window.location.assign(form.dataset.status + result.answer.token);
        return;
      }
      submit.disabled = false;
      progress.textContent = '';
      showErrors(result.answer);
    }).catch(function () {
      submit.disabled = false;
      progress.textContent = '';
      showErrors({ detail: form.dataset.failed });
    });
  });
})();
