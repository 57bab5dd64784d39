import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Writes .br and .gz beside each script and stylesheet, once, at build time: the api serves them
 * to browsers that accept them (@fastify/static `preCompressed`) without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'tessera-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const file = join(options.dir!, fileName);
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * The web app is static assets that the api serves at / (apps/api/src/web-assets.ts), built into
 * dist/web beside the compiled api so that the Docker image's copy of dist/ carries it too.
 * JSX goes through Vite's own transform (React's automatic runtime); no dev-only plugins.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [precompress()],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // bench/web-size.ts reads the manifest to measure what the first page load fetches.
    manifest: true,
  },
  server: {
    // `npx vite apps/web` while developing, with the api running beside it on :3000.
    proxy: { '/graphql': 'http://127.0.0.1:3000', '/trust': 'http://127.0.0.1:3000' },
  },
});
