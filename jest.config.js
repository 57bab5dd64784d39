/**
 * One jest run for both tiers: unit specs beside the code (`*.spec.ts`) and end-to-end specs in
 * `test/` (`*.e2e-spec.ts`). Tests run as ES modules (Node 24, --experimental-vm-modules), like
 * the app itself, which loads the ESM-only NestJS 12 natively.
 */
const swc = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    // graphql's "main" has no extension; jest's ESM resolver would pick index.mjs where Node picks
    // index.js, and two copies of graphql do not recognise each other's types.
    '^graphql$': '<rootDir>/node_modules/graphql/index.js',
    '^#migrations$': '<rootDir>/migrations/index.ts',
    '^#([a-z]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testSequencer: '<rootDir>/test/support/test-sequencer.js',
  testTimeout: 60_000,
  // One more worker than this machine has cores: the files wait on PostgreSQL, Meilisearch, the
  // api processes and the browser part of the time, and with two workers a core idled meanwhile.
  // Measured here (README: the suite): 2 workers 137 s, 3 workers 127 s, all green.
  maxWorkers: 3,
};
