import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const engines = globalThis.tesseraTestEngines;
  if (!engines) return;
  await Promise.all(engines.stops.map((stop) => stop()));
  rmSync(engines.dataDir, { recursive: true, force: true });
}
