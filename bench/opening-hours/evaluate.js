// The reference side of bench/opening-hours-diff.sh: evaluates every value of the given
// corpus files with opening_hours.js at every time of the times file, in Asia/Shanghai
// (run with TZ=Asia/Shanghai), as "corpus<TAB>value<TAB>time<TAB>state" lines with state
// open, closed, unknown or error (the value does not parse or cannot be evaluated: no
// school holidays are defined for China). Lines "#PH<TAB>date<TAB>true|false" say which
// dates (and days before them) opening_hours.js takes for public holidays.
// Usage: node evaluate.js <opening_hours module dir> <times file> <corpus file>...
'use strict';
const fs = require('fs');
const path = require('path');

const [moduleDir, timesFile, ...corpora] = process.argv.slice(2);
const OpeningHours = require(path.resolve(moduleDir));
// Hangzhou, so that the holiday data of cn (Zhejiang) is used.
const nominatim = { lat: 30.27, lon: 120.15, address: { country_code: 'cn', state: '浙江省' } };

function lines(file) {
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

function localDate(text) {
  const [date, time] = text.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return new Date(y, mo - 1, d, h, mi);
}

// opening_hours.js reports evaluation errors on the console as well as by throwing.
console.error = () => {};
console.warn = () => {};

const times = lines(timesFile);
const out = [];
const ph = new OpeningHours('PH', nominatim);
// Each date and the day before it, whose ranges past midnight run into it.
const dates = new Set();
for (const time of times) {
  const day = localDate(time.split('T')[0] + 'T12:00');
  for (const d of [day, new Date(day.getFullYear(), day.getMonth(), day.getDate() - 1, 12, 0)]) {
    const pad = (n) => String(n).padStart(2, '0');
    dates.add(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
  }
}
for (const date of [...dates].sort()) {
  out.push(`#PH\t${date}\t${ph.getState(localDate(date + 'T12:00'))}`);
}
for (const file of corpora) {
  const corpus = path.basename(file);
  for (const value of lines(file)) {
    let evaluator = null;
    try {
      evaluator = new OpeningHours(value, nominatim);
    } catch (e) {
      evaluator = null;
    }
    for (const time of times) {
      let state = 'error';
      if (evaluator !== null) {
        try {
          const at = localDate(time);
          state = evaluator.getUnknown(at) ? 'unknown' : (evaluator.getState(at) ? 'open' : 'closed');
        } catch (e) {
          state = 'error';
        }
      }
      out.push(`${corpus}\t${value}\t${time}\t${state}`);
    }
  }
}
process.stdout.write(out.join('\n') + '\n');
