import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { AuditService } from '#audit';
import { ACCREDITATION_CSV_HEADER, AccreditationsCsvImportService, type ElmImportReport, ElmImportService } from '#elm';
import { type Caller, ConfigError, createLogger, DomainError, dataSourceOptions, type Engines, loadConfig, runMigrations, startEngines, type TesseraConfig } from '#platform';
import { OrganisationService } from '#registry';
import { OpportunityIndex, rebuildIndex, type RebuildProgress, SearchDocumentSource } from '#search';
import { TrustedListService } from '#trust';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApp } from '../../api/src/app.js';
import type { EngineConnections } from '../../api/src/app.module.js';
import { DATABASE_SCHEMA } from '../../api/src/database-schema.js';
import { seedDemoIfEmpty } from '../../../seed/demo/seed-demo.js';
import { generateScale, type ScaleProgress } from '../../../seed/generate/generate-scale.js';
import { parseOptions } from './options.js';

/**
 * `npm run cli -- <command>`: operator commands against the same configuration as the api
 * (embedded engines under DATA_DIR, or DATABASE_URL / MEILI_URL).
 */
interface Command {
  summary: string;
  /** Printed for `<command> --help`, after the summary. */
  help?: string;
  /** Resolves to the exit code. */
  run(context: { config: TesseraConfig; engines: Engines; args: string[] }): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations (the api also does this when it starts)',
    async run({ engines }) {
      const applied = await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
      console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length}: ${applied.join(', ')}`);
      return 0;
    },
  },
  'seed demo': {
    summary: 'load the demo dataset into an empty registry',
    async run({ config, engines }) {
      await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
      const app = await cliApp(config, engines);
      try {
        const summary = await seedDemoIfEmpty(app, (message) => process.stderr.write(`${message}\n`));
        console.log(summary ? `Loaded the demo: ${JSON.stringify(summary)}` : 'The registry already holds data; nothing loaded.');
        return summary ? 0 : 1;
      } finally {
        await app.close();
      }
    },
  },
  reindex: {
    summary: 'rebuild the search index from PostgreSQL (a fresh index, swapped in when complete)',
    async run({ config, engines }) {
      await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
      const app = await cliApp(config, engines);
      try {
        const index = app.get(OpportunityIndex);
        const result = await rebuildIndex(app.get<DataSource>(getDataSourceToken()), index, app.get(SearchDocumentSource), (p) =>
          process.stderr.write(`\rindexed ${p.indexed}/${p.total} (${p.perSecond}/s)${waitingNote(p)}`),
        );
        process.stderr.write('\n');
        console.log(`Rebuilt ${index.name}: ${result.indexed} opportunities (${result.perSecond}/s).`);
        return 0;
      } finally {
        await app.close();
      }
    },
  },
  'seed generate': {
    summary: 'bulk-load synthetic data for scale runs: --opportunities N --providers M [--certificates C] [--dids D] [--seed S] [--no-index]',
    async run({ config, engines, args }) {
      const options = parseOptions(args, { opportunities: 10_000, providers: 1_000, seed: 1, certificates: 0, dids: 0 });
      await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
      const app = await cliApp(config, engines);
      try {
        const dataSource = app.get<DataSource>(getDataSourceToken());
        process.stderr.write(`Generating ${options.providers} providers, ${options.certificates} seals, ${options.dids} DIDs and ${options.opportunities} opportunities (seed ${options.seed})…\n`);
        const loaded = await generateScale(dataSource, options, scaleProgressLine());
        if (!args.includes('--no-index')) {
          const index = app.get(OpportunityIndex);
          const indexed = await rebuildIndex(dataSource, index, app.get(SearchDocumentSource), (p) =>
            process.stderr.write(`\rindexing ${progressBar(p.indexed, p.total)} ${p.perSecond}/s${waitingNote(p)}`),
          );
          process.stderr.write('\n');
          console.log(`Indexed ${indexed.indexed} opportunities (${indexed.perSecond}/s).`);
        }
        console.log(`Loaded ${loaded.done} opportunities (${loaded.perSecond}/s).`);
        return 0;
      } finally {
        await app.close();
      }
    },
  },
  'trusted-list import': {
    summary: 'import an ETSI trusted list or the EU LOTL: FILE [--signer PEM_FILE] (a national list defaults to the signers the last LOTL names)',
    async run({ config, engines, args }) {
      const signerAt = args.indexOf('--signer');
      const file = args.find((arg, i) => !arg.startsWith('--') && (signerAt === -1 || i !== signerAt + 1));
      if (!file || (signerAt !== -1 && !args[signerAt + 1])) throw new Error('usage: trusted-list import FILE [--signer PEM_FILE]');
      const xml = readFileSync(file, 'utf8');
      const signerCertificatesPem = signerAt === -1 ? undefined : readFileSync(args[signerAt + 1], 'utf8');
      await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
      const app = await cliApp(config, engines);
      try {
        const result = await app.get(TrustedListService).import({ kind: 'admin', keyId: 'cli' }, { xml, signerCertificatesPem });
        for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
        const next = result.nextUpdate ? `, next update ${result.nextUpdate.toISOString()}` : '';
        console.log(
          result.unchanged
            ? `${result.territory} ${result.sequenceNumber} was imported before; nothing changed.`
            : `Imported ${result.territory} ${result.sequenceNumber} (issued ${result.issuedAt.toISOString()}${next}): ${result.anchorsAdded} trust anchors added, ${result.anchorsUpdated} updated.`,
        );
        return 0;
      } catch (error) {
        // A list that is refused is the operator's to look at (cron mails stderr), not a crash.
        if (!(error instanceof DomainError)) throw error;
        process.stderr.write(`${error.code}: ${error.fields.length > 0 ? error.fields.map((f) => f.message).join('; ') : error.message}\n`);
        return error.code === 'CONFLICT' ? 4 : 3;
      } finally {
        await app.close();
      }
    },
  },
  'import elm': {
    summary: 'import the Accreditation and LearningOpportunity nodes of an ELM JSON-LD document (a QDR export): FILE [--dry-run] [--as LEGAL_IDENTIFIER]',
    help: `Records are created or updated by their ELM @id, each through the registry's or catalogue's rules; one
that is refused changes nothing. Progress goes to stderr; each record's action and problems to stdout.
Runs as the operator (ADMIN), or with --as as the organisation with that legal identifier, under its
key's rules (an agency records only its own decisions, and its own organisation stands in for an
accrediting agent the document identifies only by placeholders). Exit 0 when no record was rejected, 3 otherwise.
See docs/elm.md.`,
    async run({ config, engines, args }) {
      const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--as');
      if (!file) throw new Error('usage: import elm FILE [--dry-run] [--as LEGAL_IDENTIFIER]');
      return runImport(config, engines, args, (app, caller, dryRun) =>
        app.get(ElmImportService).importDocument(caller, readFileSync(file, 'utf8'), dryRun, (done, total) => process.stderr.write(`\rrecords ${progressBar(done, total)}`)),
      );
    },
  },
  'import accreditations': {
    summary: `import an agency's decisions from CSV: FILE.csv [--dry-run] [--as LEGAL_IDENTIFIER]; header: ${ACCREDITATION_CSV_HEADER}`,
    help: `The first line is the header (columns in any order; provider_legal_identifier, type, decision, title,
issued_at and expires_at are required):

  ${ACCREDITATION_CSV_HEADER}

type: INSTITUTIONAL_LICENCE, INSTITUTIONAL_QA, PROGRAMME_LICENCE, PROGRAMME_QA; decision: POSITIVE,
POSITIVE_WITH_CONDITIONS, NEGATIVE; dates ISO 8601 (2025-05-20 or 2025-05-20T00:00:00Z; valid_from
defaults to issued_at); limit_* lists separated by ";" (EQF levels 1-8, ISCED-F codes, ISO countries);
agency_legal_identifier is required when the operator imports (without --as); reference is the agency's
own id of the decision: a row with one is updated (or UNCHANGED) when imported again. Each row is
recorded through the registry's rules; a refused row changes nothing and is reported with its line.
Exit 0 when no row was rejected, 3 otherwise. See docs/elm.md.`,
    async run({ config, engines, args }) {
      const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--as');
      if (!file) throw new Error('usage: import accreditations FILE.csv [--dry-run] [--as LEGAL_IDENTIFIER]');
      return runImport(config, engines, args, (app, caller, dryRun) =>
        app.get(AccreditationsCsvImportService).importCsv(caller, readFileSync(file, 'utf8'), dryRun, (done, total) => {
          if (done % 100 === 0 || done === total) process.stderr.write(`\rrows ${progressBar(done, total)}`);
        }),
      );
    },
  },
  'audit verify': {
    summary: 'recompute the audit log hash chain and name the first broken link (exit 3 if broken)',
    async run({ engines }) {
      const dataSource = await new DataSource(dataSourceOptions(engines.databaseUrl, DATABASE_SCHEMA)).initialize();
      try {
        const result = await new AuditService(dataSource).verifyChain((checked) => process.stderr.write(`\rchecked ${checked} events`));
        process.stderr.write('\n');
        if (result.ok) {
          console.log(`The audit chain is intact: ${result.checked} events.`);
          return 0;
        }
        console.log(`The audit chain is BROKEN at event ${result.firstBroken!.id}: ${result.firstBroken!.reason}.`);
        console.log(`${result.checked} events before it are intact.`);
        return 3;
      } finally {
        await dataSource.destroy();
      }
    },
  },
};

/** Boots the app, runs an import as the operator or `--as` an organisation, prints the report; exit 3 when a record was rejected. */
async function runImport(
  config: TesseraConfig,
  engines: Engines,
  args: string[],
  work: (app: Awaited<ReturnType<typeof createApp>>, caller: Caller, dryRun: boolean) => Promise<ElmImportReport>,
): Promise<number> {
  await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
  const app = await cliApp(config, engines);
  try {
    let caller: Caller = { kind: 'admin', keyId: 'cli' };
    const as = args.indexOf('--as');
    if (as !== -1) {
      const [organisation] = await app.get(OrganisationService).findByLegalIdentifiers([args[as + 1] ?? '']);
      if (!organisation) throw new Error(`--as: no organisation is registered with legal identifier "${args[as + 1] ?? ''}"`);
      caller = { kind: 'organisation', role: organisation.kind, organisationId: organisation.id, keyId: 'cli' };
    }
    const report = await work(app, caller, args.includes('--dry-run'));
    process.stderr.write('\n');
    for (const record of report.records) {
      const where = record.line !== null ? `line ${record.line}` : record.elmId;
      console.log(`${record.action.padEnd(9)} ${record.type} ${where}${record.id ? ` → ${record.id}` : ''}`);
      for (const problem of record.problems) console.log(`          ${problem.path}: ${problem.message}`);
    }
    const verb = report.dryRun ? 'Dry run (nothing changed)' : 'Imported';
    console.log(`${verb}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected.`);
    return report.rejected > 0 ? 3 : 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.code}: ${error.fields.length > 0 ? error.fields.map((f) => f.message).join('; ') : error.message}\n`);
    return 3;
  } finally {
    await app.close();
  }
}

/** While Meilisearch is slow to finish a task, the rebuild says so (and waits on). */
function waitingNote(progress: RebuildProgress): string {
  const waiting = progress.waiting;
  return waiting ? ` (waiting for Meilisearch: task ${waiting.taskUid} ${waiting.status} for ${Math.round(waiting.waitedMs / 1000)} s)` : '';
}

/** One line per kind of record, rewritten as it loads: count, rate, and time left (or taken, once done). */
function scaleProgressLine(): (progress: ScaleProgress) => void {
  const started = new Map<string, number>();
  let previous = 0;
  return (p) => {
    if (!started.has(p.what)) started.set(p.what, Date.now());
    const time = p.done < p.total ? `${p.secondsLeft === null ? '?' : duration(p.secondsLeft)} left` : `in ${duration(Math.round((Date.now() - started.get(p.what)!) / 1000))}`;
    const line = `${p.what.padEnd(13)} ${progressBar(p.done, p.total)} ${p.perSecond.toLocaleString('en')}/s, ${time}`;
    // Spaces cover what a longer line before left on screen.
    process.stderr.write(`\r${line.padEnd(previous)}${p.done < p.total ? '' : '\n'}`);
    previous = p.done < p.total ? line.length : 0;
  };
}

function duration(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((width * done) / total);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: npm run cli -- <command>\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    process.stdout.write(usage());
    return argv.length === 0 ? 2 : 0;
  }
  // Commands may have two words (`audit verify`); the longest name that matches wins.
  const name = [argv.slice(0, 2).join(' '), argv[0]].find((candidate) => candidate in COMMANDS);
  if (!name) {
    process.stderr.write(`Unknown command "${argv.join(' ')}".\n\n${usage()}`);
    return 2;
  }
  const command = COMMANDS[name];
  const args = argv.slice(name.split(' ').length);
  if (args.includes('--help')) {
    process.stdout.write(`${name}: ${command.summary}\n${command.help ? `\n${command.help}\n` : ''}`);
    return 0;
  }
  let config: TesseraConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const engines = await startEngines(config, (engine, line) => logger.debug({ engine }, line));
  try {
    return await command.run({ config, engines, args });
  } finally {
    await engines.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

/**
 * The api's modules for one command: the same services, rules and audit as the api, but this
 * short-lived process delivers no webhooks (the running api does that from the audit log) and
 * logs only warnings unless asked for more.
 */
function cliApp(config: TesseraConfig, engines: EngineConnections) {
  return createApp(config, engines, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), { notifications: { enabled: false } });
}
