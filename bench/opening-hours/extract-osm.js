// Prints the distinct opening_hours values (opening_hours and opening_hours:* columns) of
// an OSM CSV export with a header row, one per line, sorted: how values-hangzhou-osm.txt
// was made from ../shared/data/poi_hangzhou_osm/hangzhou_osm_amenity_all_poi.csv.
// Usage: node extract-osm.js <csv file>
'use strict';
const fs = require('fs');

function* records(text) {
  let field = '';
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n') { record.push(field.replace(/\r$/, '')); yield record; record = []; field = ''; }
    else field += c;
  }
  if (field !== '' || record.length > 0) { record.push(field); yield record; }
}

const rows = records(fs.readFileSync(process.argv[2], 'utf8').replace(/^\uFEFF/, ''));
const header = rows.next().value;
const columns = header.map((name, i) => [name, i])
  .filter(([name]) => name === 'opening_hours' || name.startsWith('opening_hours:')).map(([, i]) => i);
const values = new Set();
for (const row of rows) {
  for (const i of columns) {
    const value = (row[i] || '').trim();
    if (value !== '' && !value.includes('\n')) values.add(value);
  }
}
process.stdout.write([...values].sort().join('\n') + '\n');
