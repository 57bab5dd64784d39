/**
 * The intended import graph (docs/architecture.md, each lib's README), checked on every `npm test`
 * by test/architecture.spec.ts. Run it by hand with `npx depcruise libs --config .dependency-cruiser.cjs`.
 *
 * Each library may import only itself and the libraries named in its rule; `#migrations` is not a
 * library and any of them may use it. Apps are composition roots and may import everything.
 */

/** libs/<lib> may import, of ours, only itself and `allowed` (by name: `#platform`, `#registry`, …). */
function mayImportOnly(name, lib, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: `^libs/${lib}/` },
    to: { path: '^libs/', pathNot: `^libs/(${[lib, ...allowed].join('|')})/` },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    mayImportOnly(
      'platform-knows-no-domain',
      'platform',
      [],
      'platform (config, engines, errors, the outbox, vocabularies, the clock) is what every context stands on; a domain import would tie all of them to that domain',
    ),
    mayImportOnly('audit-imports-only-platform', 'audit', ['platform'], 'the audit log records what the domains do without knowing them'),
    mayImportOnly(
      'auth-imports-only-platform-audit',
      'auth',
      ['platform', 'audit'],
      'auth knows organisations only through the OrganisationDirectory port that the composition root binds to the registry',
    ),
    mayImportOnly(
      'registry-imports-neither-catalogue-nor-trust-nor-search',
      'registry',
      ['platform', 'audit', 'auth'],
      'the registry is what catalogue and trust read; it enqueues re-indexing through the generic outbox in #platform, not through #search',
    ),
    mayImportOnly(
      'search-imports-only-platform',
      'search',
      ['platform'],
      'search reads its documents through the SearchDocumentSource port, which the catalogue provides',
    ),
    mayImportOnly(
      'catalogue-does-not-import-trust',
      'catalogue',
      ['platform', 'audit', 'registry', 'search'],
      'trust and catalogue do not import each other: "accredited now" comes from the registry, which both read',
    ),
    mayImportOnly(
      'trust-does-not-import-catalogue',
      'trust',
      ['platform', 'audit', 'registry'],
      'trust and catalogue do not import each other; trust answers from the registry facts alone, without search',
    ),
    mayImportOnly(
      'elm-knows-no-trust-and-no-search',
      'elm',
      ['platform', 'audit', 'auth', 'registry', 'catalogue'],
      "ELM in and out writes only through the registry's and the catalogue's services",
    ),
    mayImportOnly(
      'notifications-imports-only-platform-audit-registry-trust',
      'notifications',
      ['platform', 'audit', 'registry', 'trust'],
      'change notifications read the audit log and the records it names, and sign with the registry key; nothing imports them',
    ),
    {
      name: 'libraries-never-import-apps',
      comment: 'apps are the composition roots: a library that imports one depends on everything',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libraries-import-each-other-by-name',
      comment:
        "a relative path out of a library's folder bypasses its index (what it exports) and the rules above; import the library by name (#registry)",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      // A subpath import (#registry) is 'local' too, but also 'aliased'; a relative one only 'local'.
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], pathNot: '^libs/$1/' },
    },
    {
      name: 'imports-resolve',
      comment: 'an import the checker cannot resolve would pass every rule above unseen',
      severity: 'error',
      from: { path: '^libs/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // swc reads the TypeScript as written (TypeScript 7's package has no compiler API for the
    // checker to use), so type-only imports are seen and count: they couple the code as much as the rest.
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // "types" resolves #registry (package.json "imports") to libs/registry/src/index.ts, not to dist/.
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
