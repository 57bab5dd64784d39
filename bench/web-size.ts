import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { REPORT, writeSection } from './report.js';

/**
 * The weight of the web app's first load: what index.html pulls in before anything is shown (the
 * entry script, the scripts it imports statically, its stylesheets), compressed as the api sends
 * it. Read from the Vite manifest of `npm run build`; written into docs/benchmarks.md under "Web".
 * Runs inside `npm run bench`, and alone: `npm run build && node dist/bench/web-size.js`.
 */
const WEB_DIR = 'dist/web';
/** The issue's aim for the gzipped JavaScript of the first load. */
const TARGET_KB = 150;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface WebSize {
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  jsBrotliBytes: number;
  cssGzipBytes: number;
}

export function measureWebSize(dir = WEB_DIR): WebSize {
  const manifestFile = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  const read = (file: string) => readFileSync(join(dir, file));
  const sum = (files: Iterable<string>, size: (content: Buffer) => number) => [...files].reduce((total, file) => total + size(read(file)), 0);
  return {
    files: [...scripts, ...styles],
    jsBytes: sum(scripts, (c) => c.length),
    jsGzipBytes: sum(scripts, (c) => gzipSync(c, { level: 9 }).length),
    jsBrotliBytes: sum(scripts, (c) => brotliCompressSync(c, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
    cssGzipBytes: sum(styles, (c) => gzipSync(c, { level: 9 }).length),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Replaces (or adds) the "## Web" section of docs/benchmarks.md. */
export function writeWebSizeReport(size = measureWebSize()): void {
  writeSection('Web', [
    `First load of the web app (\`${WEB_DIR}\`, built by \`npm run build\`; measured on ${new Date().toISOString().slice(0, 10)}): what index.html loads before the first page is shown.`,
    '',
    '| | raw | gzip -9 | brotli 11 | target |',
    '|---|---|---|---|---|',
    `| JavaScript | ${kb(size.jsBytes)} | **${kb(size.jsGzipBytes)}** | ${kb(size.jsBrotliBytes)} | < ${TARGET_KB} KB gzipped |`,
    `| CSS | | ${kb(size.cssGzipBytes)} | | |`,
    '',
    `Files: ${size.files.map((f) => `\`${f}\``).join(', ')}. The api serves the pre-compressed copies (brotli, else gzip) with a year's cache; index.html itself is never cached.`,
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = measureWebSize();
  writeWebSizeReport(size);
  process.stderr.write(`[bench] web first load: ${kb(size.jsGzipBytes)} of JavaScript gzipped; wrote ${REPORT}\n`);
}
