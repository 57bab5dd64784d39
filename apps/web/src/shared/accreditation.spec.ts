import type { AccreditationSummary } from '../api/types';
import { accreditationBadge } from './accreditation';

const NOW = new Date('2026-11-01T12:00:00Z');
const accreditation = (overrides: Partial<AccreditationSummary> = {}): AccreditationSummary => ({
  id: 'a',
  decision: 'POSITIVE',
  validFrom: '2024-01-01T00:00:00Z',
  expiresAt: '2029-01-01T00:00:00Z',
  reviewDate: '2028-01-01T00:00:00Z',
  status: 'ACTIVE',
  inForce: true,
  accreditingAgent: { legalName: 'Agency A' },
  ...overrides,
});

describe('accreditation badge', () => {
  it('names the agency and end date of the accreditation in force that lasts longest', () => {
    const badge = accreditationBadge(
      [accreditation({ expiresAt: '2027-06-01T00:00:00Z' }), accreditation({ accreditingAgent: { legalName: 'Agency B' } })],
      true,
      NOW,
    );
    expect(badge).toEqual({ kind: 'accredited', agency: 'Agency B', until: '2029-01-01T00:00:00Z', reviewOverdue: false });
  });

  it('says when the review date has passed', () => {
    expect(accreditationBadge([accreditation({ reviewDate: '2026-01-01T00:00:00Z' })], true, NOW)).toMatchObject({ reviewOverdue: true });
  });

  it('names only decisions the api says are in force', () => {
    const none = [accreditation({ status: 'SUSPENDED', inForce: false }), accreditation({ decision: 'NEGATIVE', inForce: false })];
    expect(accreditationBadge(none, true, NOW)).toEqual({ kind: 'accredited', agency: null, until: null, reviewOverdue: false });
    const one = [accreditation({ inForce: false, expiresAt: '2035-01-01T00:00:00Z' }), accreditation({ accreditingAgent: { legalName: 'Agency B' } })];
    expect(accreditationBadge(one, true, NOW)).toMatchObject({ agency: 'Agency B', until: '2029-01-01T00:00:00Z' });
  });

  it('follows the api when it says the provider is not accredited now', () => {
    expect(accreditationBadge([accreditation()], false, NOW)).toMatchObject({ kind: 'not-accredited' });
  });
});

describe('why a provider is not accredited', () => {
  const why = (accreditations: AccreditationSummary[], provider?: Parameters<typeof accreditationBadge>[3]) => {
    const badge = accreditationBadge(accreditations, false, NOW, provider);
    return badge.kind === 'not-accredited' ? badge.why : null;
  };

  it('tells a provider never accredited from one whose decision is suspended, and says since when', () => {
    expect(why([])).toEqual({ reason: 'never' });
    const history = [
      { status: 'ACTIVE' as const, effectiveAt: '2024-01-01T00:00:00Z' },
      { status: 'SUSPENDED' as const, effectiveAt: '2026-10-01T00:00:00Z' },
    ];
    expect(why([accreditation({ status: 'SUSPENDED', inForce: false, statusHistory: history })])).toEqual({ reason: 'suspended', agency: 'Agency A', since: '2026-10-01T00:00:00Z' });
    expect(why([accreditation({ status: 'SUSPENDED', inForce: false })])).toEqual({ reason: 'suspended', agency: 'Agency A', since: null });
  });

  it('names the provider’s own suspension first', () => {
    const provider = { status: 'SUSPENDED' as const, statusHistory: [{ status: 'SUSPENDED', effectiveAt: '2026-09-01T00:00:00Z' }] };
    expect(why([accreditation({ inForce: true })], provider)).toEqual({ reason: 'provider-suspended', since: '2026-09-01T00:00:00Z' });
  });

  it('says withdrawn, expired, not yet in force, negative or an agency not recognised', () => {
    expect(why([accreditation({ status: 'WITHDRAWN', inForce: false })])).toMatchObject({ reason: 'withdrawn' });
    expect(why([accreditation({ expiresAt: '2026-06-01T00:00:00Z', inForce: false })])).toEqual({ reason: 'expired', agency: 'Agency A', on: '2026-06-01T00:00:00Z' });
    expect(why([accreditation({ validFrom: '2027-01-01T00:00:00Z', inForce: false })])).toEqual({ reason: 'not-yet', agency: 'Agency A', from: '2027-01-01T00:00:00Z' });
    expect(why([accreditation({ decision: 'NEGATIVE', inForce: false })])).toEqual({ reason: 'negative', agency: 'Agency A', on: '2024-01-01T00:00:00Z' });
    expect(why([accreditation({ inForce: false })])).toEqual({ reason: 'agency-not-recognised', agency: 'Agency A' });
  });
});
