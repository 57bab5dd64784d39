import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts embedded on 127.0.0.1:3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', rateLimitPerMinute: 600, logLevel: 'info', meiliIndexPrefix: '' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.meiliUrl).toBeUndefined();
    expect(config.seed).toBeUndefined();
    expect(config.dataDir).toMatch(/\/\.data$/);
  });

  it('takes external engines from DATABASE_URL, MEILI_URL and MEILI_MASTER_KEY', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/tessera',
      MEILI_URL: 'http://search:7700',
      MEILI_MASTER_KEY: 'a-master-key-of-32-characters-xx',
    });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/tessera', meiliUrl: 'http://search:7700' });
  });

  it('names every bad variable at once', () => {
    expect(
      problemsOf({
        PORT: '70000',
        DATABASE_URL: 'mysql://db',
        MEILI_URL: 'search:7700',
        MEILI_MASTER_KEY: 'short',
        TESSERA_SEED: 'all',
        TESSERA_RATE_LIMIT: '-5',
        TESSERA_ADMIN_TOKEN: 'too-short',
        TESSERA_SIGNING_KEY: 'not a key',
        LOG_LEVEL: 'loud',
        MEILI_BINARY: '/no/such/binary',
        MEILI_INDEX_PREFIX: 'has space',
      }).sort(),
    ).toEqual(
      [
        'DATABASE_URL', 'LOG_LEVEL', 'MEILI_BINARY', 'MEILI_INDEX_PREFIX', 'MEILI_MASTER_KEY', 'MEILI_URL', 'PORT',
        'TESSERA_ADMIN_TOKEN', 'TESSERA_RATE_LIMIT', 'TESSERA_SEED', 'TESSERA_SIGNING_KEY',
      ].sort(),
    );
  });

  it('reads the webhook settings: private targets refused and reminders 30 days ahead unless set', () => {
    expect(loadConfig({})).toMatchObject({ webhooksAllowPrivate: false, reviewDueDays: 30 });
    expect(loadConfig({ TESSERA_WEBHOOKS_ALLOW_PRIVATE: '1', TESSERA_REVIEW_DUE_DAYS: '90' })).toMatchObject({ webhooksAllowPrivate: true, reviewDueDays: 90 });
    expect(problemsOf({ TESSERA_WEBHOOKS_ALLOW_PRIVATE: 'yes', TESSERA_REVIEW_DUE_DAYS: '0' })).toEqual(['TESSERA_WEBHOOKS_ALLOW_PRIVATE', 'TESSERA_REVIEW_DUE_DAYS']);
    expect(problemsOf({ TESSERA_REVIEW_DUE_DAYS: '7.5' })).toEqual(['TESSERA_REVIEW_DUE_DAYS']);
  });

  it('turns rate limiting off with "off"', () => {
    expect(loadConfig({ TESSERA_RATE_LIMIT: 'off' }).rateLimitPerMinute).toBeNull();
    expect(loadConfig({ TESSERA_RATE_LIMIT: '120' }).rateLimitPerMinute).toBe(120);
  });

  it('takes the registry DID from TESSERA_REGISTRY_DID, else a did:web of the local address, and refuses what is not a DID', () => {
    expect(loadConfig({}).registryDid).toBe('did:web:localhost%3A3000');
    expect(loadConfig({ PORT: '8080' }).registryDid).toBe('did:web:localhost%3A8080');
    expect(loadConfig({ TESSERA_REGISTRY_DID: 'did:web:registry.example.org' }).registryDid).toBe('did:web:registry.example.org');
    expect(problemsOf({ TESSERA_REGISTRY_DID: 'https://registry.example.org' })).toEqual(['TESSERA_REGISTRY_DID']);
    expect(problemsOf({ TESSERA_REGISTRY_DID: 'did:web:has space' })).toEqual(['TESSERA_REGISTRY_DID']);
  });

  it('accepts only an EC P-256 signing key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(loadConfig({ TESSERA_SIGNING_KEY: ec }).signingKeyPem).toBe(ec.trim());
    expect(problemsOf({ TESSERA_SIGNING_KEY: rsa })).toEqual(['TESSERA_SIGNING_KEY']);
  });
});
