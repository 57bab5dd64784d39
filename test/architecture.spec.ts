import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The intended import graph (docs and each lib's README), checked on every `npm test`: libraries
 * never import apps; platform knows no domain; trust and catalogue do not import each other; the
 * registry imports neither catalogue nor trust, and search only for its outbox (the outbox is
 * generic and should move out of libs/search — until then this is the one allowed exception).
 */
const ALLOWED: Record<string, readonly string[]> = {
  platform: [],
  audit: ['platform'],
  auth: ['platform', 'audit'],
  registry: ['platform', 'audit', 'auth', 'search'],
  search: ['platform'],
  catalogue: ['platform', 'audit', 'registry', 'search'],
  trust: ['platform', 'audit', 'registry'],
};
/** What a library may take from another beyond the rule above, named exactly. */
const REGISTRY_FROM_SEARCH = ['OutboxService'];

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

function importsOf(file: string): { specifier: string; names: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({ specifier: m[1], names: m[0] }));
}

describe('architecture', () => {
  const root = process.cwd();

  it.each(Object.keys(ALLOWED))('libs/%s imports only the libraries it may, and no app', (lib) => {
    const problems: string[] = [];
    for (const file of sources(join(root, 'libs', lib, 'src'))) {
      for (const { specifier, names } of importsOf(file)) {
        const where = relative(root, file);
        const library = /^#([a-z]+)$/.exec(specifier)?.[1];
        if (library && library !== 'migrations' && library !== lib && !ALLOWED[lib].includes(library)) problems.push(`${where} imports #${library}`);
        if (library === 'search' && lib === 'registry') {
          const imported = /\{([^}]*)\}/.exec(names)?.[1].split(',').map((n) => n.replace(/\btype\b/, '').trim()).filter(Boolean) ?? [];
          for (const name of imported) if (!REGISTRY_FROM_SEARCH.includes(name)) problems.push(`${where} imports ${name} from #search`);
        }
        if (specifier.startsWith('.') && relative(root, join(file, '..', specifier)).startsWith('apps')) problems.push(`${where} imports an app (${specifier})`);
        if (specifier.startsWith('.') && !relative(root, join(file, '..', specifier)).startsWith(join('libs', lib))) problems.push(`${where} reaches into another folder (${specifier}); import the library by name`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds the imports it checks (so that a broken pattern cannot pass vacuously)', () => {
    const trustImports = sources(join(root, 'libs', 'trust', 'src')).flatMap(importsOf).map((i) => i.specifier);
    expect(trustImports).toEqual(expect.arrayContaining(['#platform', '#registry', '#audit']));
    expect(importsOf(join(root, 'libs', 'registry', 'src', 'accreditation', 'accreditation.service.ts')).map((i) => i.specifier)).toContain('#search');
  });
});
