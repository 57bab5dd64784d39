import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const engines = globalThis.tesseraTestEngines;
  if (!engines) return;
  // The demo template's loader (still running when no file waited for it) goes before the engines it uses.
  await engines.stopDemoTemplate?.();
  await Promise.all(engines.stops.map((stop) => stop()));
  rmSync(engines.dataDir, { recursive: true, force: true });
}
