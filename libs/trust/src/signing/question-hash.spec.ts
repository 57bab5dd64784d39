import { DomainError } from '#platform';
import { canonicalQuestion, questionHash } from './question-hash.js';

describe('the question a receipt answers', () => {
  it('is RFC 8785 JSON: keys sorted, no white space, dates as ISO strings, undefined members left out', () => {
    expect(canonicalQuestion({ did: 'did:web:x', at: new Date('2026-01-01T00:00:00Z'), eqfLevel: 6, country: undefined })).toBe(
      '{"at":"2026-01-01T00:00:00.000Z","did":"did:web:x","eqfLevel":6}',
    );
    expect(questionHash({ b: 1, a: 2 })).toBe(questionHash({ a: 2, b: 1 }));
    expect(questionHash({ a: 2, b: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a string that is not well-formed Unicode as the caller\'s error, naming the field', () => {
    let caught: unknown;
    try {
      questionHash({ did: 'did:web:\ud800' }, 'body');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).fields).toEqual([{ field: 'body', message: 'contains a string that is not well-formed Unicode' }]);
  });
});
