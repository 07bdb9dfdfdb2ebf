// The week editor of opening hours (layout.html's hoursEditor fragment): days of the week with one or
// more time ranges each, public holidays (as on weekdays, closed, open all day, or their own hours)
// and "24 hours", written into a text field as an OSM opening_hours value. The text field stays the
// expert's field: whatever is typed there is loaded back into the editor when the editor can show it;
// when it cannot (comments, dates, open ends, Chinese text the server reads on saving), the editor
// steps aside and says so, and the text is what is saved. The editor writes only values for which
// calendar's OpeningSchedule.hasUnknownTimes() is false.
(function () {
  'use strict';
  var DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
  var CLOCK = '(\\d{2}):(\\d{2})';
  var RANGE = new RegExp('^' + CLOCK + '-' + CLOCK + '$');
  var DAY_SPEC = /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$/;

  // "Mo-Fr,Su" → [true ×5, false, true]; null when not plain weekdays.
  function parseDays(spec) {
    var days = [false, false, false, false, false, false, false];
    var parts = spec.split(',');
    for (var i = 0; i < parts.length; i++) {
      var found = DAY_SPEC.exec(parts[i]);
      if (!found) {
        return null;
      }
      var start = DAYS.indexOf(found[1]);
      var end = found[2] ? DAYS.indexOf(found[2]) : start;
      for (var day = start; ; day = (day + 1) % 7) {
        days[day] = true;
        if (day === end) {
          break;
        }
      }
    }
    return days;
  }

  function parseRanges(text) {
    var ranges = [];
    var parts = text.split(/\s*,\s*/);
    for (var i = 0; i < parts.length; i++) {
      var found = RANGE.exec(parts[i]);
      if (!found || +found[1] > 24 || +found[2] > 59 || +found[3] > 48 || +found[4] > 59) {
        return null;
      }
      // The editor's clock goes to 23:59; 24:00 is midnight at the end of the day, shown as 00:00.
      var endHour = +found[3] % 24;
      ranges.push([found[1] + ':' + found[2], (endHour < 10 ? '0' : '') + endHour + ':' + found[4]]);
    }
    return ranges;
  }

  // The editor's model of an OSM value, or null when the editor cannot show it faithfully.
  function parse(value) {
    var model = { always: false, groups: [], holiday: 'follow', holidayRanges: [] };
    var text = (value || '').trim();
    if (!text) {
      return model;
    }
    var rules = text.split(/\s*;\s*/);
    var taken = [false, false, false, false, false, false, false];
    for (var i = 0; i < rules.length; i++) {
      var rule = rules[i];
      if (rule === '24/7' && i === 0) {
        model.always = true;
        continue;
      }
      var holiday = /^PH (.+)$/.exec(rule);
      if (holiday) {
        if (i !== rules.length - 1) {
          return null;
        }
        if (holiday[1] === 'off' || holiday[1] === 'closed') {
          model.holiday = 'off';
        }
        else if (holiday[1] === 'open') {
          model.holiday = 'open';
        }
        else {
          model.holidayRanges = parseRanges(holiday[1]);
          if (!model.holidayRanges) {
            return null;
          }
          model.holiday = 'hours';
        }
        continue;
      }
      if (model.always) {
        return null;
      }
      var space = rule.indexOf(' ');
      var days = space < 0 ? [true, true, true, true, true, true, true] : parseDays(rule.slice(0, space));
      var ranges = parseRanges(space < 0 ? rule : rule.slice(space + 1));
      if (!days || !ranges) {
        return null;
      }
      for (var day = 0; day < 7; day++) {
        // A later rule for the same day replaces the earlier one in OSM; the editor's groups add up.
        if (days[day] && taken[day]) {
          return null;
        }
        taken[day] = taken[day] || days[day];
      }
      model.groups.push({ days: days, ranges: ranges });
    }
    return model;
  }

  function daySpec(days) {
    var runs = [];
    var day = 0;
    while (day < 7) {
      if (!days[day]) {
        day++;
        continue;
      }
      var end = day;
      while (end + 1 < 7 && days[end + 1]) {
        end++;
      }
      runs.push(end === day ? DAYS[day] : DAYS[day] + (end === day + 1 ? ',' : '-') + DAYS[end]);
      day = end + 1;
    }
    return runs.join(',');
  }

  function rangeSpec(ranges) {
    return ranges.filter(function (range) {
      return range[0] && range[1];
    }).map(function (range) {
      // Midnight as an end is 24:00; an end before the start runs past midnight.
      return range[0] + '-' + (range[1] === '00:00' ? '24:00' : range[1]);
    }).join(',');
  }

  function write(model) {
    var rules = [];
    if (model.always) {
      rules.push('24/7');
    }
    else {
      model.groups.forEach(function (group) {
        var days = daySpec(group.days);
        var ranges = rangeSpec(group.ranges);
        if (days && ranges) {
          rules.push(days === 'Mo-Su' ? 'Mo-Su ' + ranges : days + ' ' + ranges);
        }
      });
    }
    if (rules.length || model.holiday !== 'follow') {
      if (model.holiday === 'off') {
        rules.push('PH off');
      }
      else if (model.holiday === 'open' && !model.always) {
        rules.push('PH open');
      }
      else if (model.holiday === 'hours' && rangeSpec(model.holidayRanges)) {
        rules.push('PH ' + rangeSpec(model.holidayRanges));
      }
    }
    return rules.join('; ');
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (text) {
      made.textContent = text;
    }
    return made;
  }

  function attach(root) {
    var t = root.dataset;
    var field = document.getElementById(t.for);
    if (!field) {
      return;
    }
    var id = t.for;
    var dayNames = t.tDays.split(',');
    var model = null;
    var body = element('div', 'hours-editor-body');
    var message = element('div', 'hours-editor-message small mt-1');
    message.setAttribute('role', 'status');
    message.id = id + '-editor-message';
    var restart = element('button', 'btn btn-sm btn-outline-secondary mt-1 hours-editor-restart', t.tRestart);
    restart.type = 'button';
    restart.id = id + '-editor-restart';
    root.append(body, message, restart);

    function changed() {
      field.value = write(model);
      field.dispatchEvent(new Event('change', { bubbles: true }));
      render();
    }

    function timeInput(range, at, label) {
      var input = element('input', 'form-control form-control-sm hours-time');
      input.type = 'time';
      input.value = range[at];
      input.setAttribute('aria-label', label);
      input.addEventListener('change', function () {
        range[at] = input.value;
        changed();
      });
      return input;
    }

    function rangesEditor(ranges, prefix, minimum) {
      var box = element('div', 'd-flex flex-wrap gap-2 align-items-center');
      ranges.forEach(function (range, index) {
        var item = element('span', 'd-inline-flex gap-1 align-items-center hours-range');
        item.id = prefix + '-range-' + index;
        item.append(timeInput(range, 0, t.tFrom), element('span', '', '–'), timeInput(range, 1, t.tTo));
        if (ranges.length > minimum) {
          var remove = element('button', 'btn btn-sm btn-link text-danger p-0 hours-remove-range', '×');
          remove.type = 'button';
          remove.setAttribute('aria-label', t.tRemoveRange);
          remove.addEventListener('click', function () {
            ranges.splice(index, 1);
            changed();
          });
          item.append(remove);
        }
        box.append(item);
      });
      var add = element('button', 'btn btn-sm btn-outline-secondary hours-add-range', t.tAddRange);
      add.type = 'button';
      add.id = prefix + '-add-range';
      add.addEventListener('click', function () {
        var last = ranges[ranges.length - 1];
        ranges.push(last ? [last[1], last[1] < '18:00' ? '18:00' : '23:00'] : ['09:00', '17:00']);
        changed();
      });
      box.append(add);
      return box;
    }

    function render() {
      body.replaceChildren();
      if (!model) {
        root.dataset.mode = 'expert';
        message.className = 'hours-editor-message small mt-1 text-warning-emphasis';
        message.textContent = /[\u4e00-\u9fff]/.test(field.value) ? t.tChinese : t.tExpert;
        restart.hidden = false;
        return;
      }
      root.dataset.mode = 'editor';
      message.textContent = '';
      restart.hidden = true;

      var always = element('div', 'form-check mb-2');
      var alwaysBox = element('input', 'form-check-input');
      alwaysBox.type = 'checkbox';
      alwaysBox.id = id + '-always';
      alwaysBox.checked = model.always;
      alwaysBox.addEventListener('change', function () {
        model.always = alwaysBox.checked;
        changed();
      });
      var alwaysLabel = element('label', 'form-check-label', t.tAlways);
      alwaysLabel.htmlFor = alwaysBox.id;
      always.append(alwaysBox, alwaysLabel);
      body.append(always);

      if (!model.always) {
        model.groups.forEach(function (group, index) {
          var prefix = id + '-group-' + index;
          var row = element('div', 'hours-group border rounded p-2 mb-2');
          row.id = prefix;
          var days = element('div', 'd-flex flex-wrap gap-1 mb-1');
          days.setAttribute('role', 'group');
          days.setAttribute('aria-label', t.tDaysLabel);
          group.days.forEach(function (on, day) {
            var box = element('input', 'btn-check');
            box.type = 'checkbox';
            box.id = prefix + '-' + DAYS[day];
            box.checked = on;
            box.addEventListener('change', function () {
              group.days[day] = box.checked;
              changed();
            });
            var label = element('label', 'btn btn-sm btn-outline-secondary', dayNames[day]);
            label.htmlFor = box.id;
            days.append(box, label);
          });
          var remove = element('button', 'btn btn-sm btn-link text-danger ms-auto hours-remove-group', t.tRemoveGroup);
          remove.type = 'button';
          remove.addEventListener('click', function () {
            model.groups.splice(index, 1);
            changed();
          });
          days.append(remove);
          row.append(days, rangesEditor(group.ranges, prefix, 1));
          body.append(row);
        });
        var addGroup = element('button', 'btn btn-sm btn-outline-primary mb-2', t.tAddGroup);
        addGroup.type = 'button';
        addGroup.id = id + '-add-group';
        addGroup.addEventListener('click', function () {
          var free = [0, 1, 2, 3, 4, 5, 6].map(function (day) {
            return !model.groups.some(function (group) { return group.days[day]; });
          });
          model.groups.push({ days: free.indexOf(true) >= 0 ? free : [false, false, false, false, false, false, false],
            ranges: [['09:00', '17:00']] });
          changed();
        });
        body.append(addGroup);
      }

      var holiday = element('div', 'd-flex flex-wrap gap-2 align-items-center');
      var holidayLabel = element('label', 'form-label mb-0 small', t.tHoliday);
      holidayLabel.htmlFor = id + '-holiday';
      var select = element('select', 'form-select form-select-sm w-auto');
      select.id = id + '-holiday';
      [['follow', t.tHolidayFollow], ['off', t.tHolidayOff], ['open', t.tHolidayOpen], ['hours', t.tHolidayHours]]
        .forEach(function (option) {
          if (option[0] === 'open' && model.always) {
            return;
          }
          var choice = element('option', '', option[1]);
          choice.value = option[0];
          choice.selected = model.holiday === option[0];
          select.append(choice);
        });
      select.addEventListener('change', function () {
        model.holiday = select.value;
        if (model.holiday === 'hours' && !model.holidayRanges.length) {
          model.holidayRanges.push(['09:00', '17:00']);
        }
        changed();
      });
      holiday.append(holidayLabel, select);
      if (model.holiday === 'hours') {
        holiday.append(rangesEditor(model.holidayRanges, id + '-holiday', 1));
      }
      body.append(holiday);
    }

    // What the expert types is read back into the editor as they type.
    field.addEventListener('input', function () {
      model = parse(field.value);
      render();
    });
    restart.addEventListener('click', function () {
      model = { always: false, groups: [{ days: [true, true, true, true, true, false, false], ranges: [['08:30', '17:30']] }],
        holiday: 'off', holidayRanges: [] };
      changed();
    });
    model = parse(field.value);
    render();
    root.dataset.ready = 'true';
  }

  window.yizhanHoursEditor = { parse: parse, write: write };
  document.querySelectorAll('.hours-editor[data-for]').forEach(attach);
})();
