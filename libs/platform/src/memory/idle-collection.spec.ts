import { IdleCollection, type IdleCollectionOptions } from './idle-collection.js';

const MB = 1024 * 1024;
const OPTIONS: IdleCollectionOptions = { idleMs: 10_000, growthBytes: 32 * MB, minGapMs: 60_000, checkEveryMs: 5_000 };

/** A clock, a heap and a collector the test moves by hand. */
function world() {
  const w = {
    now: 0,
    heap: { committed: 100 * MB, used: 80 * MB },
    live: undefined as number | undefined,
    collections: 0,
  };
  const idle = new IdleCollection(OPTIONS, () => w.now, {
    size: () => ({ ...w.heap }),
    collect: () => {
      w.collections++;
      w.heap = { committed: 90 * MB, used: 85 * MB };
      w.live = 85 * MB;
    },
    liveAfterLastCollection: () => w.live,
  });
  return { w, idle };
}

describe('IdleCollection', () => {
  it('collects once the api has been idle after its heap grew, and not again until it grows again', () => {
    const { w, idle } = world();
    w.heap = { committed: 300 * MB, used: 250 * MB }; // a busy spell
    w.now = 9_999;
    expect(idle.check()).toBeNull(); // not idle long enough yet
    w.now = 10_000;
    expect(idle.check()).toEqual({ ms: 0, committedBeforeMb: 300, committedAfterMb: 90 });
    expect(w.collections).toBe(1);
    w.now = 200_000;
    expect(idle.check()).toBeNull(); // 90 MB committed against 85 MB live: nothing to give back
    w.heap = { committed: 85 * MB + 32 * MB, used: 110 * MB };
    expect(idle.check()).not.toBeNull();
    expect(w.collections).toBe(2);
  });

  it('does not collect while requests keep coming, however much the heap grew', () => {
    const { w, idle } = world();
    w.heap = { committed: 500 * MB, used: 450 * MB };
    for (w.now = 0; w.now < 120_000; w.now += 5_000) {
      idle.noteActivity();
      expect(idle.check()).toBeNull();
    }
    expect(w.collections).toBe(0);
  });

  it('does not collect when the heap grew by less than the threshold', () => {
    const { w, idle } = world();
    w.heap = { committed: 80 * MB + 32 * MB - 1, used: 100 * MB };
    w.now = 60_000;
    expect(idle.check()).toBeNull();
  });

  it('collects at most once a minute, whatever the growth', () => {
    const { w, idle } = world();
    w.heap = { committed: 300 * MB, used: 250 * MB };
    w.now = 10_000;
    expect(idle.check()).not.toBeNull();
    w.heap = { committed: 400 * MB, used: 350 * MB };
    w.now = 69_999;
    expect(idle.check()).toBeNull();
    w.now = 70_000;
    expect(idle.check()).not.toBeNull();
  });

  it('counts growth from what a collection elsewhere found live (the trust index read at start), not from before it', () => {
    const { w, idle } = world();
    // The registry was read after this started (80 MB in use then), and collected: 250 MB live.
    w.live = 250 * MB;
    w.heap = { committed: 260 * MB, used: 255 * MB };
    w.now = 60_000;
    expect(idle.check()).toBeNull();
    w.heap = { committed: 282 * MB, used: 270 * MB };
    expect(idle.check()).not.toBeNull();
  });
});
