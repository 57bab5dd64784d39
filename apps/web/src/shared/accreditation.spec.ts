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
    expect(accreditationBadge([accreditation()], false, NOW)).toEqual({ kind: 'not-accredited' });
  });
});
