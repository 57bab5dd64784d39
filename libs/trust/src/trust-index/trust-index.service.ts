import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REGISTRY_CHANNEL } from '#audit';
import { collectGarbage } from '#platform';
import { type Queryable, readAccreditations, readOrganisations, readRecognitions } from '#registry';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { readAnchors, readCertificates, readDids } from './trust-keys.reader.js';
import { type TrustRecords, TrustState } from './trust-state.js';

/** Even without a notification, look this often whether the registry moved on (a lost NOTIFY, a reconnect). */
const POLL_MS = 500;
/** More changes than this at once (a bulk load) are read as a whole new state rather than one by one. */
const MAX_INCREMENTAL_CHANGES = 2_000;
/**
 * Records read at a time when the index is read whole. Each page is applied and then garbage, so
 * the read never holds the whole registry twice (rows and records): with 100k organisations and
 * 200k certificates, reading all rows at once took the api to 840 MB resident right after start.
 */
const WHOLE_READ_PAGE = 5_000;
/**
 * A state read whole of at least this many records is followed by a full garbage collection: at
 * 100k organisations and 200k certificates its rows are hundreds of MB of garbage in V8's old
 * generation (740 MB resident after start without the collection, 380 MB with it). A smaller read
 * leaves too little to be worth the stop: a full collection takes 100–300 ms even of a small heap.
 */
const COLLECT_AFTER_RECORDS = 10_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/** One trust-relevant change as the audit log names it: the first event of each registry sequence. */
interface Change {
  entityType: string;
  entityId: string;
}

/** What each audited entity type makes the index re-read; any other type means a full read. */
const CHANGE_READERS: Record<string, keyof TrustRecords> = {
  Organisation: 'organisations',
  Accreditation: 'accreditations',
  AgencyRecognition: 'recognitions',
  TrustAnchor: 'anchors',
  IssuerCertificate: 'certificates',
  IssuerDid: 'dids',
  // An imported trusted list names many anchors: the ones its row lists (readChanged).
  TrustedList: 'anchors',
};

/**
 * The in-memory trust index (DESIGN §3, Exactness). Read whole at start; afterwards it applies
 * only the records each trust-relevant change names, in registry-sequence order, read in one
 * database snapshot together with the sequence they bring it to. It learns of changes through
 * LISTEN (reconnected with back-off after an outage) and by polling the latest sequence, and a
 * mutation on this instance waits for `catchUp()` before it returns (read-your-writes).
 */
@Injectable()
export class TrustIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TrustIndex');
  private state: TrustState | null = null;
  private listener: pg.Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private stopped = false;
  /** catchUp() tickets: a sync that started after ticket N was issued covers it. */
  private issued = 0;
  private covered = 0;
  private syncing: Promise<void> | null = null;
  private lastFailureLogged = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.catchUp();
    await this.listen().catch((error: unknown) => this.listenFailed(error));
    this.pollTimer = setInterval(() => void this.catchUp().catch((error: unknown) => this.syncFailed(error)), POLL_MS);
    this.pollTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
    await this.syncing?.catch(() => undefined);
  }

  /** The state answers are computed from. Read it and answer without awaiting in between. */
  current(): TrustState {
    if (!this.state) throw new Error('the trust index is not built yet');
    return this.state;
  }

  /** Resolves once the index holds every change committed before the call. */
  async catchUp(): Promise<void> {
    const ticket = ++this.issued;
    while (this.covered < ticket) {
      this.syncing ??= this.syncOnce().finally(() => {
        this.syncing = null;
      });
      await this.syncing;
    }
  }

  private async syncOnce(): Promise<void> {
    const covers = this.issued;
    const started = performance.now();
    const result = await this.inSnapshot((db) => this.read(db));
    if (result.kind === 'whole') {
      this.state = result.state;
      // The read's rows (and a state replaced) are garbage in V8's old generation by now.
      if (recordsIn(result.state) >= COLLECT_AFTER_RECORDS) collectGarbage();
    } else if (result.kind === 'changes') this.state!.apply(result.records, result.sequence);
    this.covered = covers;
    if (result.kind !== 'unchanged') {
      this.logger.debug({ msg: 'trust index updated', how: result.kind, registrySequence: result.sequence, ms: Math.round(performance.now() - started) });
    }
  }

  private async read(
    db: Queryable,
  ): Promise<{ kind: 'unchanged'; sequence: number } | { kind: 'changes'; sequence: number; records: TrustRecords } | { kind: 'whole'; sequence: number; state: TrustState }> {
    const [latest] = await db.query('SELECT registry_sequence FROM audit_events ORDER BY id DESC LIMIT 1');
    const sequence = Number(latest?.registry_sequence ?? 0);
    const applied = this.state?.registrySequence;
    if (applied === sequence) return { kind: 'unchanged', sequence };
    if (applied === undefined || applied > sequence) return { kind: 'whole', sequence, state: await readWhole(db, sequence) };
    const changes: Change[] = (
      await db.query(
        `SELECT DISTINCT ON (registry_sequence) entity_type, entity_id FROM audit_events
          WHERE registry_sequence > $1 AND registry_sequence <= $2 ORDER BY registry_sequence, id`,
        [applied, sequence],
      )
    ).map((row: Record<string, string>) => ({ entityType: row.entity_type, entityId: row.entity_id }));
    // A sequence without its event would be a gap: never skip it silently, read everything instead.
    const complete = changes.length === sequence - applied;
    if (!complete || changes.length > MAX_INCREMENTAL_CHANGES || changes.some((c) => !(c.entityType in CHANGE_READERS))) {
      return { kind: 'whole', sequence, state: await readWhole(db, sequence) };
    }
    return { kind: 'changes', sequence, records: await readChanged(db, changes) };
  }

  /** Runs `work` in one REPEATABLE READ snapshot: the sequence and the records it reads belong together. */
  private async inSnapshot<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await work(runner);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url, application_name: 'tessera-trust-index' });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => undefined);
      if (!this.stopped) this.listenFailed(error ?? new Error('connection ended'));
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => void this.catchUp().catch((error: unknown) => this.syncFailed(error)));
    await client.connect();
    await client.query(`LISTEN ${REGISTRY_CHANNEL}`);
    this.listener = client;
    if (this.reconnectDelay > RECONNECT_MIN_MS) this.logger.log({ msg: 'trust index listens for registry changes again' });
    this.reconnectDelay = RECONNECT_MIN_MS;
    // Whatever was announced while it was not listening.
    await this.catchUp();
  }

  private listenFailed(error: unknown): void {
    if (this.stopped || this.reconnectTimer) return;
    this.logger.warn({ msg: 'trust index lost its LISTEN connection; reconnecting', retryInMs: this.reconnectDelay, err: (error as Error).message });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.listen().catch((e: unknown) => this.listenFailed(e));
    }, this.reconnectDelay);
    this.reconnectTimer.unref();
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
  }

  /** While the database is away polls fail every half second: say so once every ten seconds, not each time. */
  private syncFailed(error: unknown): void {
    if (Date.now() - this.lastFailureLogged < 10_000) return;
    this.lastFailureLogged = Date.now();
    this.logger.warn({ msg: 'trust index could not catch up; answering from the state it holds', registrySequence: this.state?.registrySequence, err: (error as Error).message });
  }
}

/** Each kind of record with its table, organisations first: the records after them name them. */
const WHOLE_READ: readonly { kind: keyof TrustRecords; table: string; read: (db: Queryable, ids: readonly string[]) => Promise<TrustRecords[keyof TrustRecords]> }[] = [
  { kind: 'organisations', table: 'organisations', read: readOrganisations },
  { kind: 'accreditations', table: 'accreditations', read: readAccreditations },
  { kind: 'recognitions', table: 'agency_recognitions', read: readRecognitions },
  { kind: 'anchors', table: 'trust_anchors', read: readAnchors },
  { kind: 'certificates', table: 'issuer_certificates', read: readCertificates },
  { kind: 'dids', table: 'issuer_dids', read: readDids },
];

/** A new state holding every record the snapshot `db` reads, at `sequence`; read `pageSize` ids at a time. */
export async function readWhole(db: Queryable, sequence: number, pageSize = WHOLE_READ_PAGE): Promise<TrustState> {
  const state = new TrustState();
  for (const { kind, table, read } of WHOLE_READ) {
    for (let after: string | null = null; ; ) {
      const rows: { id: string }[] =
        after === null
          ? await db.query(`SELECT id FROM ${table} ORDER BY id LIMIT $1`, [pageSize])
          : await db.query(`SELECT id FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`, [after, pageSize]);
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) break;
      state.apply({ ...emptyRecords(), [kind]: await read(db, ids) }, sequence);
      after = ids[ids.length - 1];
    }
  }
  return state;
}

/** Reads the records the changes name; a supersession also changed the decision it superseded. */
export async function readChanged(db: Queryable, changes: readonly Change[]): Promise<TrustRecords> {
  const ids = (kind: keyof TrustRecords) =>
    [...new Set(changes.filter((c) => CHANGE_READERS[c.entityType] === kind && c.entityType !== 'TrustedList').map((c) => c.entityId))];
  const lists = [...new Set(changes.filter((c) => c.entityType === 'TrustedList').map((c) => c.entityId))];
  const listedAnchorIds: string[] =
    lists.length === 0 ? [] : (await db.query(`SELECT DISTINCT unnest(anchor_ids) AS id FROM trusted_lists WHERE id = ANY($1::uuid[])`, [lists])).map((r: { id: string }) => r.id);
  const accreditations = await readAccreditations(db, ids('accreditations'));
  const read = new Set(accreditations.map((a) => a.id));
  const superseded = [...new Set(accreditations.map((a) => a.supersedesId).filter((id): id is string => id !== null && !read.has(id)))];
  return {
    organisations: await readOrganisations(db, ids('organisations')),
    accreditations: [...accreditations, ...(await readAccreditations(db, superseded))],
    recognitions: await readRecognitions(db, ids('recognitions')),
    anchors: await readAnchors(db, [...new Set([...ids('anchors'), ...listedAnchorIds])]),
    certificates: await readCertificates(db, ids('certificates')),
    dids: await readDids(db, ids('dids')),
  };
}

function emptyRecords(): TrustRecords {
  return { organisations: [], accreditations: [], recognitions: [], anchors: [], certificates: [], dids: [] };
}

function recordsIn(state: TrustState): number {
  let records = 0;
  for (const count of Object.values(state.size())) records += count;
  return records;
}
