import { DomainError } from '../errors/domain-error.js';
import { actorOf, type Actor, type Caller } from './caller.js';

/**
 * The operator or an organisation's key; anonymous callers are UNAUTHENTICATED, and a VERIFIER key
 * is FORBIDDEN — it may only manage its own webhook subscriptions (`requireAnyKey`), so every rule
 * written as "an organisation acts for itself, anyone else is the operator" stays true.
 */
export function requireAuthenticated(caller: Caller): Exclude<Caller, { kind: 'anonymous' } | { kind: 'verifier' }> {
  const known = requireAnyKey(caller);
  if (known.kind === 'verifier') throw new DomainError('FORBIDDEN', 'a VERIFIER key may only manage its own webhook subscriptions');
  return known;
}

/** Any caller with a key, VERIFIER keys included; anonymous ones are UNAUTHENTICATED. */
export function requireAnyKey(caller: Caller): Exclude<Caller, { kind: 'anonymous' }> {
  if (caller.kind === 'anonymous') throw new DomainError('UNAUTHENTICATED', 'this operation needs an API token (Authorization: Bearer …)');
  return caller;
}

export function requireAdmin(caller: Caller): Actor {
  const known = requireAuthenticated(caller);
  if (known.kind !== 'admin') throw new DomainError('FORBIDDEN', 'only the registry operator (ADMIN) may do this');
  return actorOf(known);
}

/**
 * ADMIN, or a caller bound to `organisationId` with one of `roles`. Organisations act only for
 * themselves: this is the per-organisation check of DESIGN §6.
 */
export function requireAdminOrOwn(caller: Caller, organisationId: string, roles: ('QUALITY_AGENCY' | 'PROVIDER')[]): Actor {
  const known = requireAuthenticated(caller);
  if (known.kind === 'admin') return actorOf(known);
  if (!roles.includes(known.role)) throw new DomainError('FORBIDDEN', `a ${known.role} key may not do this`);
  if (known.organisationId !== organisationId) {
    throw new DomainError('FORBIDDEN', 'an organisation may act only on its own records');
  }
  return actorOf(known);
}
