import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { startTestApp, type TestApp } from './support/test-app.js';

const COMMITTED_SCHEMA = 'apps/api/schema.graphql';

/**
 * The GraphQL schema is a public contract: the committed copy must match what the code serves.
 * After a deliberate change, `npm run schema:update` rewrites the committed copy.
 */
describe('GraphQL schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it(`matches ${COMMITTED_SCHEMA}`, () => {
    const served = printSchema(app.nest.get(GraphQLSchemaHost).schema) + '\n';
    if (process.env.UPDATE_GRAPHQL_SCHEMA === '1') writeFileSync(COMMITTED_SCHEMA, served);
    expect(served).toBe(readFileSync(COMMITTED_SCHEMA, 'utf8'));
  });
});
