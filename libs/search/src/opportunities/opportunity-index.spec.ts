import { jest } from '@jest/globals';
import { type Meilisearch, MeilisearchRequestError } from 'meilisearch';
import { OpportunityIndex, type SlowTask } from './opportunity-index.js';

/** A Meilisearch whose task endpoint answers the given statuses (or throws the given errors) in turn. */
function meilisearchAnswering(...answers: (string | Error)[]): { meilisearch: Meilisearch; polls: () => number } {
  let polls = 0;
  const getTask = jest.fn(async (uid: number) => {
    const answer = answers[Math.min(polls++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return { uid, status: answer, error: answer === 'failed' ? { message: 'index_not_accessible' } : null };
  });
  return { meilisearch: { tasks: { getTask } } as unknown as Meilisearch, polls: () => polls };
}

const unreachable = () => new MeilisearchRequestError('http://127.0.0.1:7700/tasks/7', new Error('connect ECONNREFUSED'));

describe('waiting for a Meilisearch task', () => {
  it('goes on waiting while the task is queued or running, however many polls it takes, and says so', async () => {
    const { meilisearch, polls } = meilisearchAnswering('enqueued', 'enqueued', 'processing', 'processing', 'processing', 'succeeded');
    const slow: SlowTask[] = [];
    await new OpportunityIndex(meilisearch, 'opportunities').wait(7, { reportEveryMs: 0, onSlow: (wait) => slow.push(wait) });
    expect(polls()).toBe(6);
    expect(slow.map((wait) => [wait.taskUid, wait.status])).toEqual([
      [7, 'enqueued'],
      [7, 'enqueued'],
      [7, 'processing'],
      [7, 'processing'],
      [7, 'processing'],
    ]);
  });

  it('fails when the task failed, with its error', async () => {
    const { meilisearch } = meilisearchAnswering('processing', 'failed');
    await expect(new OpportunityIndex(meilisearch, 'opportunities').wait(7)).rejects.toThrow('Meilisearch task 7 failed: index_not_accessible');
  });

  it('rides out polls that fail when told to, and resumes', async () => {
    const { meilisearch } = meilisearchAnswering('processing', unreachable(), unreachable(), 'processing', 'succeeded');
    const slow: string[] = [];
    await new OpportunityIndex(meilisearch, 'opportunities').wait(7, { unreachableForMs: 60_000, reportEveryMs: 0, onSlow: (wait) => slow.push(wait.status) });
    expect(slow).toEqual(['processing', 'unreachable', 'unreachable', 'processing']);
  });

  it('fails at the first poll that fails by default (the outbox indexer then retries when Meilisearch is back)', async () => {
    const { meilisearch } = meilisearchAnswering('processing', unreachable());
    await expect(new OpportunityIndex(meilisearch, 'opportunities').wait(7)).rejects.toBeInstanceOf(MeilisearchRequestError);
  });
});
