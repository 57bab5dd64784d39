import { DEFAULT_BODY_LIMIT_BYTES, graphqlBodyLimit, LARGE_BODY_MUTATIONS } from './large-bodies.js';

describe('graphqlBodyLimit', () => {
  it('gives a file-import mutation its own limit', () => {
    expect(graphqlBodyLimit('mutation { importElm(input: {document: ""}) { records { action } } }', undefined)).toBe(LARGE_BODY_MUTATIONS.importElm);
    expect(graphqlBodyLimit('mutation Import { importTrustedList(input: {xml: ""}) { territory } }', 'Import')).toBe(LARGE_BODY_MUTATIONS.importTrustedList);
  });

  it('keeps the default for everything else', () => {
    expect(graphqlBodyLimit('{ __typename }', undefined)).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(graphqlBodyLimit('query { importElm }', undefined)).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(graphqlBodyLimit('mutation { importElm(input: {document: ""}) { x } revokeIssuerDid(input: {id: ""}) { id } }', undefined)).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(graphqlBodyLimit('mutation { ...on Mutation { importElm } }', undefined)).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(graphqlBodyLimit('not graphql', undefined)).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(graphqlBodyLimit(42, undefined)).toBe(DEFAULT_BODY_LIMIT_BYTES);
  });

  it('takes the named operation of several, and none when the name matches none', () => {
    const document = 'query A { __typename } mutation B { importElm(input: {document: ""}) { x } }';
    expect(graphqlBodyLimit(document, 'B')).toBe(LARGE_BODY_MUTATIONS.importElm);
    expect(graphqlBodyLimit(document, 'A')).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(graphqlBodyLimit(document, undefined)).toBe(DEFAULT_BODY_LIMIT_BYTES);
  });
});
