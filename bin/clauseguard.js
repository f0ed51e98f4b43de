#!/usr/bin/env node
// Thin launcher for the bundled command-line tool (built by `npm run build` into dist/cli.js).
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('clauseguard: the tool is not built yet. Run `npm run build` in ' + path.dirname(__dirname) + '.');
  process.exit(2);
}
const tool = require(cli);
tool.endQuietlyOnClosedPipe(); // `clauseguard check … | head` ends quietly
tool
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
