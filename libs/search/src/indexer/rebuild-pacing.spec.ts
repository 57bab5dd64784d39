import { DEFAULT_REBUILD_PACING, durationMs, RebuildPacer } from './rebuild-pacing.js';

/** A pacer on a clock the test moves. */
function pacer(overrides: Partial<typeof DEFAULT_REBUILD_PACING> = {}) {
  let now = 1_000_000;
  const subject = new RebuildPacer({ ...DEFAULT_REBUILD_PACING, ...overrides }, () => now);
  return { subject, advance: (ms: number) => (now += ms) };
}

describe('pacing a rebuild around live changes', () => {
  it('with no live change in sight, starts small, doubles up to the largest request and keeps several queued', () => {
    const { subject } = pacer();
    const sizes: number[] = [];
    for (let i = 0; i < 6; i++) {
      sizes.push(subject.nextSize());
      subject.requestSent(subject.nextSize());
    }
    expect(sizes).toEqual([2_000, 4_000, 8_000, 16_000, 20_000, 20_000]);
    expect(subject.yielding).toBe(false);
    expect(subject.mayStayQueued()).toBe(DEFAULT_REBUILD_PACING.maxQueued);
  });

  it('while a live change is waiting, keeps none of its requests unfinished in Meilisearch when it sends the next', () => {
    const { subject } = pacer();
    subject.liveChangeSeen();
    expect(subject.yielding).toBe(true);
    expect(subject.mayStayQueued()).toBe(0);
  });

  it('sizes a request so that its batch takes about the aimed time, from the last batch measured', () => {
    const { subject } = pacer({ yieldingBatchMs: 1_000 });
    for (let i = 0; i < 5; i++) subject.requestSent(subject.nextSize()); // grown to 20,000
    subject.liveChangeSeen();
    subject.batchDone(20_000, 8_000); // 2.5 documents a millisecond
    expect(subject.nextSize()).toBe(2_500);
    subject.requestSent(2_500);
    subject.batchDone(2_500, 500); // faster than aimed at: grows, but at most twice what was measured
    expect(subject.nextSize()).toBe(5_000);
  });

  it('never goes below the smallest request nor above the largest', () => {
    const { subject } = pacer({ yieldingBatchMs: 1_000, minDocuments: 500 });
    subject.liveChangeSeen();
    subject.batchDone(1_000, 60_000);
    expect(subject.nextSize()).toBe(500);
    subject.batchDone(19_000, 100);
    expect(subject.nextSize()).toBe(DEFAULT_REBUILD_PACING.maxDocuments);
  });

  it('before any batch is measured, a live change keeps requests at the first size', () => {
    const { subject } = pacer();
    for (let i = 0; i < 5; i++) subject.requestSent(subject.nextSize());
    subject.liveChangeSeen();
    expect(subject.nextSize()).toBe(DEFAULT_REBUILD_PACING.firstDocuments);
  });

  it('goes back to growing and queueing ahead once no live change has been seen for a while, from the size it yielded at', () => {
    const { subject, advance } = pacer({ yieldingBatchMs: 1_000, yieldForMs: 5_000 });
    subject.liveChangeSeen();
    subject.batchDone(3_000, 1_000);
    subject.requestSent(subject.nextSize()); // 3,000
    advance(4_999);
    expect(subject.yielding).toBe(true);
    subject.liveChangeSeen(); // another one: the wait starts again
    advance(4_999);
    expect(subject.mayStayQueued()).toBe(0);
    advance(1);
    expect(subject.yielding).toBe(false);
    expect(subject.mayStayQueued()).toBe(DEFAULT_REBUILD_PACING.maxQueued);
    expect(subject.nextSize()).toBe(3_000);
    subject.requestSent(3_000);
    expect(subject.nextSize()).toBe(6_000);
  });
});

describe("Meilisearch's durations", () => {
  it('reads seconds, minutes and hours', () => {
    expect(durationMs('PT0.123456789S')).toBe(123);
    expect(durationMs('PT2M3.5S')).toBe(123_500);
    expect(durationMs('PT1H')).toBe(3_600_000);
    expect(durationMs('P1DT1S')).toBe(86_401_000);
  });

  it('says nothing of a duration it cannot read', () => {
    expect(durationMs(null)).toBeUndefined();
    expect(durationMs('1.5 s')).toBeUndefined();
  });
});
