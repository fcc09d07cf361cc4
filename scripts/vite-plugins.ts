// Build-time helpers of the SPA (vite.config.ts): one message catalogue per language, and every
// built asset precompressed beside itself for the server to send as it is.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const MESSAGES_PREFIX = 'virtual:qiao-messages/';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CATALOGUE = path.join(root, 'src/client/i18n/catalogue.ts');

/**
 * `import messages from 'virtual:qiao-messages/en'`: the UI texts of one language only. The domain
 * files keep all three languages side by side; the build reads them in Node and hands each language
 * its own chunk, so a browser downloads only the language it shows. The dev server serves the live
 * catalogue instead, so edits reload as usual.
 */
export function languageMessages(): Plugin {
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'qiao-language-messages',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id.startsWith(MESSAGES_PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${MESSAGES_PREFIX}`)) return null;
      const locale = id.slice(MESSAGES_PREFIX.length + 1);
      if (command === 'serve') {
        return `import { catalogue } from '/src/client/i18n/catalogue.ts';\nexport default catalogue[${JSON.stringify(locale)}];`;
      }
      const { catalogue } = (await import(pathToFileURL(CATALOGUE).href)) as {
        catalogue: Record<string, Record<string, string> | undefined>;
      };
      const messages = catalogue[locale];
      if (!messages) throw new Error(`no UI messages for language "${locale}"`);
      return `export default ${JSON.stringify(messages)};`;
    },
  };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|map|wasm)$/;
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 1024;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip -9) beside each text file under `dir`, so the
 * server never compresses a static file per request. A compressed copy that would not be smaller is
 * left out; so are files under 1 kB and the build manifest.
 */
export async function precompressDir(dir: string): Promise<void> {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  const jobs: Promise<void>[] = [];
  for await (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
    if ((await stat(file)).size < MIN_BYTES) continue;
    jobs.push(
      (async () => {
        const body = await readFile(file);
        const [br, gzipped] = await Promise.all([
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
          gz(body, { level: 9 }),
        ]);
        if (br.length < body.length) await writeFile(`${file}.br`, br);
        if (gzipped.length < body.length) await writeFile(`${file}.gz`, gzipped);
      })(),
    );
  }
  await Promise.all(jobs);
}

/** precompressDir() over the build's output once it is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'qiao-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: () => precompressDir(outDir),
  };
}
