import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';
import { isDatabaseUnavailable, toPublicError } from './error-mapping.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('toPublicError for an unreachable database', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', withCode('ECONNRESET', 'read ECONNRESET')],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['SQLSTATE 08006', withCode('08006')],
    ['SQLSTATE 08001', withCode('08001')],
    ['admin shutdown 57P01', withCode('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown 57P02', withCode('57P02')],
    ['cannot connect now 57P03', withCode('57P03', 'the database system is starting up')],
    ['wrapped by TypeORM', new QueryFailedError('SELECT 1', [], withCode('57P01'))],
    ['an AggregateError of refusals', new AggregateError([withCode('ECONNREFUSED')], '')],
    ['a cause', new Error('outer', { cause: withCode('ECONNRESET') })],
  ])('%s is SERVICE_UNAVAILABLE (503)', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toPublicError(error)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('keeps other failures as they were', () => {
    expect(toPublicError(new QueryFailedError('INSERT', [], withCode('23505')))).toMatchObject({ code: 'CONFLICT' });
    expect(toPublicError(new QueryFailedError('SELECT', [], withCode('42P01')))).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(toPublicError(new DomainError('NOT_FOUND', 'no such thing'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
