import { type EngineEvent, EngineSupervisor, type SupervisedEngine } from './engine-supervisor.js';

/** An engine whose death the test decides. */
function fakeEngine(port: number): SupervisedEngine & { die(): void; stopped: boolean } {
  let die!: () => void;
  const exited = new Promise<void>((resolve) => (die = resolve));
  const engine = {
    port,
    stopped: false,
    whenExited: () => exited,
    stop: async () => {
      engine.stopped = true;
      die();
    },
    die: () => die(),
  };
  return engine;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('EngineSupervisor', () => {
  it('restarts a dead engine on the same port, and watches the new one too', async () => {
    const events: string[] = [];
    const first = fakeEngine(5432);
    const restarted: ReturnType<typeof fakeEngine>[] = [];
    const supervisor = new EngineSupervisor(
      'postgres',
      first,
      async (port) => {
        const next = fakeEngine(port);
        restarted.push(next);
        return next;
      },
      (level, message) => events.push(`${level}: ${message}`),
      [50, 50, 50],
    );
    first.die();
    await until(() => supervisor.state === 'restarting');
    expect(supervisor.state).toBe('restarting');
    await until(() => supervisor.state === 'up' && restarted.length === 1);
    expect(restarted.map((e) => e.port)).toEqual([5432]);
    restarted[0].die();
    await until(() => restarted.length === 2 && supervisor.state === 'up');
    expect(restarted.map((e) => e.port)).toEqual([5432, 5432]);
    expect(events[0]).toBe('error: postgres exited unexpectedly; restarting it on port 5432');
    expect(events).toContain('info: postgres is back on port 5432 after 1 attempt(s)');
    await supervisor.stop();
    expect(restarted[1].stopped).toBe(true);
    expect(supervisor.state).toBe('up'); // a stop that was asked for is not a death
  });

  it('gives up after its attempts with a message that says what to do', async () => {
    const events: Parameters<EngineEvent>[] = [];
    const first = fakeEngine(7700);
    let attempts = 0;
    const supervisor = new EngineSupervisor(
      'meilisearch',
      first,
      async () => {
        attempts += 1;
        throw new Error('Meilisearch exited during start:\nNo space left on device');
      },
      (level, message) => events.push([level, message]),
      [1, 1, 1],
    );
    first.die();
    await until(() => supervisor.state === 'failed');
    expect(supervisor.state).toBe('failed');
    expect(attempts).toBe(3);
    expect(events.filter(([level]) => level === 'warn')).toHaveLength(3);
    const [level, message] = events.at(-1)!;
    expect(level).toBe('fatal');
    expect(message).toContain('meilisearch could not be restarted after 3 attempts');
    expect(message).toContain('Meilisearch exited during start:');
    expect(message).toContain('DATA_DIR');
    expect(message).toContain('restart the api');
  });
});
