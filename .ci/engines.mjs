// Starts embedded PostgreSQL and Meilisearch from the checkout's own build (dist/) in DATA_DIR and
// prints their connection settings as shell assignments, then keeps them running until SIGTERM:
// the "running engines" that the pruned app of image-build-check is started against.
import { loadConfig, startEngines } from '../dist/libs/platform/src/index.js';

const config = loadConfig({ DATA_DIR: process.env.DATA_DIR });
const engines = await startEngines(config, () => undefined);
const quote = (value) => `'${String(value).replaceAll("'", "'\\''")}'`;
process.stdout.write(
  `DATABASE_URL=${quote(engines.databaseUrl)}\nMEILI_URL=${quote(engines.meiliUrl)}\nMEILI_MASTER_KEY=${quote(engines.meiliMasterKey)}\n`,
);
const stop = async () => {
  await engines.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
