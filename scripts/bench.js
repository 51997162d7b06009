#!/usr/bin/env node
/* yarn bench <name> [options]: runs bench/<name>.js and prints its figures. */
const path = require('path');
const fs = require('fs');
const name = process.argv[2];
const file = name && path.join(__dirname, '..', 'bench', `${name}.js`);
if (!file || !fs.existsSync(file)) {
  const names = fs
    .readdirSync(path.join(__dirname, '..', 'bench'))
    .filter(f => f.endsWith('.js') && f !== 'lib.js')
    .map(f => f.replace(/\.js$/, ''));
  console.error(`usage: yarn bench <${names.join('|')}> [options]`);
  process.exit(2);
}
process.argv.splice(2, 1);
require(file);
