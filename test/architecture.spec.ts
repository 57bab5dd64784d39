import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';

/**
 * The import rules of docs/architecture.md, written once as dependency-cruiser's forbidden rules in
 * .dependency-cruiser.cjs, checked here on every `npm test`; `npx depcruise libs --config
 * .dependency-cruiser.cjs` gives the same answer on the command line.
 */
const CONFIG = join(process.cwd(), '.dependency-cruiser.cjs');

/** The tree under `baseDir` (default: this repository) cruised from `paths`, validated against the rules. */
async function check(paths: string[], baseDir = process.cwd()): Promise<ICruiseResult> {
  const { options, ...ruleSet } = await extractDepcruiseConfig(CONFIG);
  const { output } = await cruise(paths, { ...options, baseDir, validate: true, ruleSet, outputType: 'json' });
  return typeof output === 'string' ? JSON.parse(output) : output;
}

/** One line per violation: the rule's name, then the import that breaks it. */
const violationsOf = (result: ICruiseResult) => result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

describe('architecture', () => {
  it('libs import only the libraries they may, each by name, and no app', async () => {
    const result = await check(['libs']);
    expect(violationsOf(result)).toEqual([]);
    // Not vacuous: the libraries' imports of each other were seen and resolved to their sources.
    const trust = result.modules.filter((m) => m.source.startsWith('libs/trust/src/')).flatMap((m) => m.dependencies.map((d) => d.resolved));
    expect(trust).toEqual(expect.arrayContaining(['libs/platform/src/index.ts', 'libs/registry/src/index.ts', 'libs/audit/src/index.ts']));
  });

  describe('on a tree with deliberate bad imports', () => {
    let root: string;
    /** Writes `text` to `path` under the throwaway tree. */
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'tessera-architecture-'));
      // The same library names as this repository's, resolved the same way (package.json "imports").
      const { imports } = JSON.parse(readFileSync('package.json', 'utf8')) as { imports: Record<string, { types: string }> };
      write('package.json', JSON.stringify({ type: 'module', imports }));
      for (const { types } of Object.values(imports)) write(types, 'export const here = 1;\n');
      write('apps/api/src/app.ts', 'export const app = 1;\n');
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('reports each rule it breaks, whatever the form of the import, and nothing that is allowed', async () => {
      // What every library may use: its own files, the libraries its rule names, #migrations.
      write('libs/registry/src/own.ts', 'export const own = 1;\n');
      write(
        'libs/registry/src/allowed.ts',
        "import { own } from './own.js';\nimport { here } from '#platform';\nimport type { here as a } from '#audit';\nexport { here as b } from '#auth';\nimport '#migrations';\n",
      );
      write('libs/platform/src/bad.ts', "import { here } from '#registry';\n");
      write('libs/audit/src/bad.ts', "import type { here } from '#auth';\n");
      write('libs/auth/src/bad.ts', "import { here } from '#registry';\n");
      // The registry once reached the outbox through #search: on one line or several, as an import, a type or a re-export.
      write(
        'libs/registry/src/bad.ts',
        "import { here } from '#search';\nimport {\n  type here as a,\n} from '#trust';\nexport { here as c } from '#catalogue';\nexport { here as d } from '../../search/src/index.js';\n",
      );
      write('libs/search/src/bad.ts', "const { here } = await import('#catalogue');\n");
      write('libs/catalogue/src/bad.ts', "import type { here } from '#trust';\n");
      write('libs/trust/src/bad.ts', "import { here } from '#catalogue';\nimport { app } from '../../../apps/api/src/app.js';\nimport { x } from '#nowhere';\n");
      write('libs/elm/src/bad.ts', "import { here } from '#search';\n");
      write('libs/notifications/src/bad.ts', "import { here } from '#catalogue';\n");

      expect(violationsOf(await check(['libs'], root)).sort()).toEqual(
        [
          'platform-knows-no-domain: libs/platform/src/bad.ts → libs/registry/src/index.ts',
          'audit-imports-only-platform: libs/audit/src/bad.ts → libs/auth/src/index.ts',
          'auth-imports-only-platform-audit: libs/auth/src/bad.ts → libs/registry/src/index.ts',
          'registry-imports-neither-catalogue-nor-trust-nor-search: libs/registry/src/bad.ts → libs/search/src/index.ts',
          'registry-imports-neither-catalogue-nor-trust-nor-search: libs/registry/src/bad.ts → libs/trust/src/index.ts',
          'registry-imports-neither-catalogue-nor-trust-nor-search: libs/registry/src/bad.ts → libs/catalogue/src/index.ts',
          'libraries-import-each-other-by-name: libs/registry/src/bad.ts → libs/search/src/index.ts',
          'search-imports-only-platform: libs/search/src/bad.ts → libs/catalogue/src/index.ts',
          'catalogue-does-not-import-trust: libs/catalogue/src/bad.ts → libs/trust/src/index.ts',
          'trust-does-not-import-catalogue: libs/trust/src/bad.ts → libs/catalogue/src/index.ts',
          'libraries-never-import-apps: libs/trust/src/bad.ts → apps/api/src/app.ts',
          'libraries-import-each-other-by-name: libs/trust/src/bad.ts → apps/api/src/app.ts',
          'imports-resolve: libs/trust/src/bad.ts → #nowhere',
          'elm-knows-no-trust-and-no-search: libs/elm/src/bad.ts → libs/search/src/index.ts',
          'notifications-imports-only-platform-audit-registry-trust: libs/notifications/src/bad.ts → libs/catalogue/src/index.ts',
        ].sort(),
      );
    });
  });
});
