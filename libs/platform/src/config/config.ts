import { createPrivateKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The one typed configuration of Tessera, read from the environment once at boot.
 * Every variable is described in the README's configuration table.
 */
export interface TesseraConfig {
  port: number;
  host: string;
  dataDir: string;
  /** External PostgreSQL; absent = embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  /** External Meilisearch; absent = embedded Meilisearch under `dataDir`. */
  meiliUrl?: string;
  meiliMasterKey?: string;
  /** Another Meilisearch binary for the embedded mode. */
  meiliBinary?: string;
  /** Prefix of every Meilisearch index name, so several deployments (or test files) share one engine. */
  meiliIndexPrefix: string;
  adminToken?: string;
  /** `undefined` = decide at start: demo on an empty embedded database, else none. */
  seed?: 'demo' | 'none';
  signingKeyPem?: string;
  /** Anonymous trust and search requests per minute per client address; `null` = no limit. */
  rateLimitPerMinute: number | null;
  logLevel: LogLevel;
  /** Webhooks may target http:// URLs and private, loopback or link-local addresses (tests, one-host setups). */
  webhooksAllowPrivate: boolean;
  /** How many days before an accreditation's review date its REVIEW_DUE notification goes out. */
  reviewDueDays: number;
  /** The registry's own DID: `iss` of what it signs for EBSI, `rootTao`, and the TRQP authority it answers as. */
  registryDid: string;
}

/** did:<method>:<method-specific id>, per DID Core §3.1 (percent-encoding allowed). */
const DID_SYNTAX = /^did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*(?::(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*)*$/;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown when the environment does not describe a runnable Tessera; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): TesseraConfig {
  const problems: { variable: string; problem: string }[] = [];
  const fail = (variable: string, problem: string) => {
    problems.push({ variable, problem });
    return undefined;
  };
  const value = (name: string) => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const port = parsePort(value('PORT') ?? '3000') ?? fail('PORT', 'must be a whole number from 0 to 65535');
  const host = value('HOST') ?? '127.0.0.1';
  const dataDir = resolve(value('DATA_DIR') ?? './.data');

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !isUrlWithProtocol(databaseUrl, ['postgres:', 'postgresql:'])) {
    fail('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const meiliUrl = value('MEILI_URL');
  if (meiliUrl !== undefined && !isUrlWithProtocol(meiliUrl, ['http:', 'https:'])) {
    fail('MEILI_URL', 'must be an http:// or https:// URL');
  }
  const meiliMasterKey = value('MEILI_MASTER_KEY');
  if (meiliMasterKey !== undefined && Buffer.byteLength(meiliMasterKey) < 16) {
    fail('MEILI_MASTER_KEY', 'must be at least 16 bytes long (Meilisearch refuses shorter keys)');
  }
  const meiliBinary = value('MEILI_BINARY');
  if (meiliBinary !== undefined && !existsSync(meiliBinary)) {
    fail('MEILI_BINARY', `no file at ${meiliBinary}`);
  }
  const meiliIndexPrefix = value('MEILI_INDEX_PREFIX') ?? '';
  if (!/^[A-Za-z0-9_-]{0,64}$/.test(meiliIndexPrefix)) {
    fail('MEILI_INDEX_PREFIX', 'may contain only letters, digits, "-" and "_" (at most 64)');
  }

  const adminToken = value('TESSERA_ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 24) {
    fail('TESSERA_ADMIN_TOKEN', 'must be at least 24 characters long');
  }

  const seedRaw = value('TESSERA_SEED');
  if (seedRaw !== undefined && seedRaw !== 'demo' && seedRaw !== 'none') {
    fail('TESSERA_SEED', 'must be "demo" or "none"');
  }

  const signingKeyPem = value('TESSERA_SIGNING_KEY');
  if (signingKeyPem !== undefined) {
    const problem = signingKeyProblem(signingKeyPem);
    if (problem) fail('TESSERA_SIGNING_KEY', problem);
  }

  const rateRaw = value('TESSERA_RATE_LIMIT') ?? '600';
  let rateLimitPerMinute: number | null = null;
  if (rateRaw !== 'off') {
    const n = Number(rateRaw);
    if (Number.isInteger(n) && n > 0) rateLimitPerMinute = n;
    else fail('TESSERA_RATE_LIMIT', 'must be a positive whole number of requests per minute, or "off"');
  }

  const logLevel = (value('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  // A did:web of the default local address, so that the demo works unconfigured; set it to the
  // registry's public DID in production (EBSI's rootTao, TRQP's authority_id).
  const registryDid = value('TESSERA_REGISTRY_DID') ?? (port ? `did:web:localhost%3A${port}` : 'did:web:localhost');
  if (!DID_SYNTAX.test(registryDid) || registryDid.length > 2048) {
    fail('TESSERA_REGISTRY_DID', 'must be a DID, e.g. did:web:registry.example.org (did:<method>:<method-specific id>)');
  }

  const allowPrivateRaw = value('TESSERA_WEBHOOKS_ALLOW_PRIVATE') ?? '0';
  if (allowPrivateRaw !== '0' && allowPrivateRaw !== '1') fail('TESSERA_WEBHOOKS_ALLOW_PRIVATE', 'must be "1" (allow) or "0" (refuse)');

  const reviewDueRaw = value('TESSERA_REVIEW_DUE_DAYS') ?? '30';
  const reviewDueDays = Number(reviewDueRaw);
  if (!/^\d+$/.test(reviewDueRaw) || reviewDueDays < 1 || reviewDueDays > 366) {
    fail('TESSERA_REVIEW_DUE_DAYS', 'must be a whole number of days from 1 to 366');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: port!,
    host,
    dataDir,
    databaseUrl,
    meiliUrl,
    meiliMasterKey,
    meiliBinary,
    meiliIndexPrefix,
    adminToken,
    seed: seedRaw as TesseraConfig['seed'],
    signingKeyPem,
    rateLimitPerMinute,
    logLevel,
    webhooksAllowPrivate: allowPrivateRaw === '1',
    reviewDueDays,
    registryDid,
  };
}

function parsePort(raw: string): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 65535 ? n : undefined;
}

function isUrlWithProtocol(raw: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}

/** Receipts are ES256 JWS, so the key must be an EC P-256 private key. */
function signingKeyProblem(pem: string): string | undefined {
  try {
    const key = createPrivateKey(pem.replace(/\\n/g, '\n'));
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      return 'must be an EC P-256 private key (receipts are signed with ES256)';
    }
    return undefined;
  } catch {
    return 'is not a readable PEM private key';
  }
}
