import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { DomainError } from '#platform';

/**
 * The question a receipt answers, in RFC 8785 (JCS) form: keys sorted, no white space, dates as ISO
 * strings — the same question always has the same form, whatever order its fields came in.
 */
export function canonicalQuestion(question: Record<string, unknown>, field = 'input'): string {
  try {
    return canonicalize(question)!;
  } catch {
    // RFC 8785 has no form for a string that is not well-formed Unicode (a lone surrogate).
    throw DomainError.badInput([{ field, message: 'contains a string that is not well-formed Unicode' }]);
  }
}

/** SHA-256 (hex) of the canonical question: a receipt's `queryHash`, and the key answers are reused by. */
export function questionHash(question: Record<string, unknown>, field = 'input'): string {
  return hashOfCanonicalQuestion(canonicalQuestion(question, field));
}

/** `questionHash` of a question already in canonical form. */
export function hashOfCanonicalQuestion(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}
