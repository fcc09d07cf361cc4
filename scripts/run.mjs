// The npm scripts' launcher: `node scripts/run.mjs <script>.ts [args…]` runs the script in this same
// Node process, after checking that this Node can run Qiao's TypeScript. Plain JavaScript on purpose
// (no TypeScript, no top-level await), so that an old Node parses it and prints one
// line instead of ERR_UNKNOWN_FILE_EXTENSION. On Linux x64/arm64 npm puts the Node 24 that
// `npm install` brought first on the scripts' PATH; elsewhere the machine's Node must do.
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const version = process.versions.node;
const [major, minor] = version.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  process.stderr.write(
    `Qiao needs Node 22.22 or later; this is Node ${version} — install Node 24 from https://nodejs.org ` +
      '(on Linux x64/arm64 `npm install` brings it: run Qiao through npm start / npm test)\n',
  );
  process.exit(1);
}

const script = process.argv[2];
if (!script) {
  process.stderr.write('usage: node scripts/run.mjs <script>.ts [arguments…]\n');
  process.exit(2);
}
// The script sees the arguments it would see when run as `node <script>.ts …`.
process.argv.splice(1, 2, path.resolve(script));
// Bytecode and the TypeScript-stripped sources are cached on disk (keyed by content): later starts skip
// the TypeScript stripper (≈ 15 MB of memory) and start faster.
module.enableCompileCache?.();
import(pathToFileURL(path.resolve(script)).href);
