import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The intended import graph (docs and each lib's README), checked on every `npm test`: libraries
 * never import apps; platform knows no domain; trust and catalogue do not import each other; the
 * registry imports neither catalogue nor trust nor search (it enqueues re-indexing through the
 * generic outbox in `#platform`).
 */
const ALLOWED: Record<string, readonly string[]> = {
  platform: [],
  audit: ['platform'],
  auth: ['platform', 'audit'],
  registry: ['platform', 'audit', 'auth'],
  search: ['platform'],
  catalogue: ['platform', 'audit', 'registry', 'search'],
  trust: ['platform', 'audit', 'registry'],
  // ELM in and out writes only through the registry's and catalogue's services; it knows no trust and no search.
  elm: ['platform', 'audit', 'auth', 'registry', 'catalogue'],
  // Change notifications read the audit log and the records it names, and sign with the registry key; nothing imports them.
  notifications: ['platform', 'audit', 'registry', 'trust'],
};

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

function importsOf(file: string): { specifier: string; names: string }[] {
  return importsIn(readFileSync(file, 'utf8'));
}

function importsIn(text: string): { specifier: string; names: string }[] {
  return [...text.matchAll(IMPORT)].map((m) => ({ specifier: m[1], names: m[0] }));
}

/** What is wrong with the imports of `text`, a file at `file` in `libs/<lib>`. */
function problemsIn(root: string, lib: string, file: string, text: string): string[] {
  const problems: string[] = [];
  const where = relative(root, file);
  for (const { specifier } of importsIn(text)) {
    const library = /^#([a-z]+)$/.exec(specifier)?.[1];
    if (library && library !== 'migrations' && library !== lib && !ALLOWED[lib].includes(library)) problems.push(`${where} imports #${library}`);
    if (specifier.startsWith('.') && relative(root, join(file, '..', specifier)).startsWith('apps')) problems.push(`${where} imports an app (${specifier})`);
    if (specifier.startsWith('.') && !relative(root, join(file, '..', specifier)).startsWith(join('libs', lib))) problems.push(`${where} reaches into another folder (${specifier}); import the library by name`);
  }
  return problems;
}

describe('architecture', () => {
  const root = process.cwd();

  it.each(Object.keys(ALLOWED))('libs/%s imports only the libraries it may, and no app', (lib) => {
    const problems = sources(join(root, 'libs', lib, 'src')).flatMap((file) => problemsIn(root, lib, file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('finds the imports it checks (so that a broken pattern cannot pass vacuously)', () => {
    const trustImports = sources(join(root, 'libs', 'trust', 'src')).flatMap(importsOf).map((i) => i.specifier);
    expect(trustImports).toEqual(expect.arrayContaining(['#platform', '#registry', '#audit']));
    // The registry's writers reach the outbox through #platform, and the checker would catch the old
    // way (#search), written on one line or several, as an import or a re-export.
    expect(importsOf(join(root, 'libs', 'registry', 'src', 'accreditation', 'accreditation.service.ts')).map((i) => i.specifier)).toEqual(
      expect.arrayContaining(['#platform', '#audit']),
    );
    const file = join(root, 'libs', 'registry', 'src', 'accreditation', 'accreditation.service.ts');
    const forbidden = "import { OutboxService } from '#search';\nimport {\n  type Caller,\n  Clock,\n} from '#trust';\nexport { x } from '../../../search/src/index.js';\n";
    expect(problemsIn(root, 'registry', file, forbidden)).toEqual([
      'libs/registry/src/accreditation/accreditation.service.ts imports #search',
      'libs/registry/src/accreditation/accreditation.service.ts imports #trust',
      'libs/registry/src/accreditation/accreditation.service.ts reaches into another folder (../../../search/src/index.js); import the library by name',
    ]);
  });
});
