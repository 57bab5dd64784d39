/**
 * One jest run for both tiers: unit specs beside the code (`*.spec.ts`) and end-to-end specs in
 * `test/` (`*.e2e-spec.ts`). Sources are ESM TypeScript; here swc turns them into CommonJS, and
 * Node 24 with --experimental-vm-modules loads the ESM-only dependencies (NestJS 12) from there.
 */
const swc = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^#migrations$': '<rootDir>/migrations/index.ts',
    '^#([a-z]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60_000,
  maxWorkers: 2,
};
