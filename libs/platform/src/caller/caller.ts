/** Roles of the public contract (DESIGN §4, §8.5). */
export const ROLES = ['ADMIN', 'QUALITY_AGENCY', 'PROVIDER', 'VERIFIER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking. Services take the caller as their first argument and decide by it — by role and,
 * for agencies and providers, by the organisation the key is bound to.
 */
export type Caller =
  | { kind: 'anonymous' }
  /** The operator: TESSERA_ADMIN_TOKEN (`keyId` 'operator') or an ADMIN API key. */
  | { kind: 'admin'; keyId: string }
  | { kind: 'organisation'; role: 'QUALITY_AGENCY' | 'PROVIDER'; organisationId: string; keyId: string }
  /** A relying party (wallet, employer's system) bound to no organisation: it manages only its own webhook subscriptions. */
  | { kind: 'verifier'; keyId: string };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** Who did something, as audit events and status histories record it. */
export interface Actor {
  keyId: string;
  role: Role;
  organisationId: string | null;
}

export function actorOf(caller: Exclude<Caller, { kind: 'anonymous' }>): Actor {
  switch (caller.kind) {
    case 'admin':
      return { keyId: caller.keyId, role: 'ADMIN', organisationId: null };
    case 'verifier':
      return { keyId: caller.keyId, role: 'VERIFIER', organisationId: null };
    case 'organisation':
      return { keyId: caller.keyId, role: caller.role, organisationId: caller.organisationId };
  }
}
