// Loaded with `node --require` into a CLI process under test: writes the
// process's peak resident memory (KB) to $LC_PEAK_RSS_FILE when it exits.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.LC_PEAK_RSS_FILE) writeFileSync(process.env.LC_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
