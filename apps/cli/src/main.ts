import 'reflect-metadata';
import { ConfigError, createLogger, type Engines, loadConfig, runMigrations, startEngines, type TesseraConfig } from '#platform';
import { DATABASE_SCHEMA } from '../../api/src/database-schema.js';

/**
 * `npm run cli -- <command>`: operator commands against the same configuration as the api
 * (embedded engines under DATA_DIR, or DATABASE_URL / MEILI_URL).
 */
interface Command {
  summary: string;
  run(context: { config: TesseraConfig; engines: Engines; args: string[] }): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations (the api also does this when it starts)',
    async run({ engines }) {
      const applied = await runMigrations(engines.databaseUrl, DATABASE_SCHEMA);
      console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length}: ${applied.join(', ')}`);
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: npm run cli -- <command>\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
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
    await command.run({ config, engines, args });
    return 0;
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
