import { DomainError } from '#platform';
import { identityOf, readTrqpRequest } from './trqp-request.js';

const fieldsOf = (body: unknown, question: 'authorization' | 'recognition' = 'authorization') => {
  try {
    readTrqpRequest(body, question);
  } catch (error) {
    if (error instanceof DomainError) return error.fields.map((f) => f.field);
    throw error;
  }
  return [];
};

const request = (overrides: Record<string, unknown> = {}) => ({ entity_id: 'did:web:a.example', authority_id: 'did:web:r.example', action: 'issue', resource: 'credential', ...overrides });

describe('readTrqpRequest', () => {
  it('reads the resource grammar into a scope', () => {
    expect(readTrqpRequest(request({ resource: 'eqf:6;isced-f:0613;jurisdiction:fi' }), 'authorization').scope).toEqual({ eqfLevel: 6, iscedFCode: '0613', country: 'FI' });
    expect(readTrqpRequest(request({ resource: 'credential' }), 'authorization').scope).toEqual({});
    expect(readTrqpRequest(request({ resource: ' credential ; eqf:8 ' }), 'authorization').scope).toEqual({ eqfLevel: 8 });
  });

  it('refuses terms it cannot read, and a dimension named twice', () => {
    for (const resource of ['eqf:0', 'eqf:9', 'eqf:six', 'isced-f:1234', 'isced-f:06x', 'jurisdiction:XX', 'jurisdiction:FIN', 'eqf:6;eqf:7', 'licence', '']) {
      expect(fieldsOf(request({ resource }))).toEqual(['resource']);
    }
  });

  it('limits a recognition only by jurisdiction', () => {
    expect(readTrqpRequest(request({ action: 'accredit', resource: 'accreditation;jurisdiction:SE' }), 'recognition').scope).toEqual({ country: 'SE' });
    expect(fieldsOf(request({ action: 'accredit', resource: 'eqf:6' }), 'recognition')).toEqual(['resource']);
    expect(fieldsOf(request({ action: 'issue' }), 'recognition')).toEqual(['action']);
  });

  it('reads context.time as RFC 3339 and keeps the context as sent', () => {
    const read = readTrqpRequest(request({ context: { time: '2025-06-19T11:30:00Z', locator: 'x' } }), 'authorization');
    expect(read.at?.toISOString()).toBe('2025-06-19T11:30:00.000Z');
    expect(read.context).toEqual({ time: '2025-06-19T11:30:00Z', locator: 'x' });
    expect(readTrqpRequest(request({ context: { time: '2025-06-19T13:30:00+02:00' } }), 'authorization').at?.toISOString()).toBe('2025-06-19T11:30:00.000Z');
    for (const time of ['2025-06-19', 'yesterday', '2025-13-40T00:00:00Z']) expect(fieldsOf(request({ context: { time } }))).toEqual(['context.time']);
    expect(fieldsOf(request({ context: 'now' }))).toEqual(['context']);
  });

  it('names every missing or malformed field at once', () => {
    expect(fieldsOf({ action: 'verify', entity_id: 'did:not valid' }).sort()).toEqual(['action', 'authority_id', 'entity_id', 'resource']);
    expect(fieldsOf(null)).toEqual(['body']);
    expect(fieldsOf(['entity_id'])).toEqual(['body']);
    expect(fieldsOf(request({ entity_id: 'x'.repeat(2049) }))).toEqual(['entity_id']);
  });

  it('tells a DID, a certificate fingerprint and an identifier apart', () => {
    expect(identityOf('did:ebsi:z123')).toEqual({ did: 'did:ebsi:z123' });
    expect(identityOf('AB'.repeat(32))).toEqual({ certificateSha256: 'ab'.repeat(32) });
    expect(identityOf('VATES-A00000000')).toEqual({ organisationIdentifier: 'VATES-A00000000' });
  });
});
