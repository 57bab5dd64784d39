/** Roles of the public contract (DESIGN §4). */
export const ROLES = ['ADMIN', 'QUALITY_AGENCY', 'PROVIDER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking. Services take the caller as their first argument and decide by it — by role and,
 * for agencies and providers, by the organisation the key is bound to.
 */
export type Caller =
  | { kind: 'anonymous' }
  /** The operator: TESSERA_ADMIN_TOKEN (`keyId` 'operator') or an ADMIN API key. */
  | { kind: 'admin'; keyId: string }
  | { kind: 'organisation'; role: 'QUALITY_AGENCY' | 'PROVIDER'; organisationId: string; keyId: string };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** Who did something, as audit events and status histories record it. */
export interface Actor {
  keyId: string;
  role: Role;
  organisationId: string | null;
}

export function actorOf(caller: Exclude<Caller, { kind: 'anonymous' }>): Actor {
  return caller.kind === 'admin'
    ? { keyId: caller.keyId, role: 'ADMIN', organisationId: null }
    : { keyId: caller.keyId, role: caller.role, organisationId: caller.organisationId };
}
