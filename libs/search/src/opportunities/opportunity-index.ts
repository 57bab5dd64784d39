import { setTimeout as sleep } from 'node:timers/promises';
import { type EnqueuedTask, type Index, type Meilisearch, MeilisearchRequestError, MeilisearchTaskTimeOutError, type Task } from 'meilisearch';
import { meilisearchAnswer } from '../meilisearch.client.js';
import type { OpportunityDocument } from './opportunity-document.js';
import { OPPORTUNITY_INDEX_SETTINGS } from './opportunity-index.settings.js';

/** Documents per request: large enough for Meilisearch's batching, small enough to keep memory flat. */
export const DOCUMENTS_PER_REQUEST = 2_000;

/**
 * How a task is waited for. There is no deadline while Meilisearch answers and the task is queued
 * or running: on a busy machine a batch may wait minutes behind others (a fixed 15 s timeout
 * failed long reindexes), and giving up would only send it again. What ends a wait is the task
 * failing, or Meilisearch not answering for longer than `unreachableForMs`.
 */
export interface TaskWaitOptions {
  /** Called every `reportEveryMs` while the task is not done (default 10 s). */
  onSlow?: (wait: SlowTask) => void;
  reportEveryMs?: number;
  /** How long polls may fail (network, timeout, 5xx) before the wait fails; default 0: the first failure ends it. */
  unreachableForMs?: number;
}

export interface SlowTask {
  taskUid: number;
  /** `enqueued` or `processing`; `unreachable` while polls fail. */
  status: string;
  waitedMs: number;
}

/** Polls start often (a change's path to searchable stays short) and slow down as a wait grows long. */
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 200;

/**
 * True when the failure is Meilisearch being unreachable, slow or broken (network error, timeout,
 * 5xx) rather than it refusing what was asked.
 */
export function isMeilisearchUnavailable(error: unknown): boolean {
  const answer = meilisearchAnswer(error);
  if (answer) return answer.response.status >= 500;
  return error instanceof MeilisearchRequestError || error instanceof MeilisearchTaskTimeOutError;
}

function hasCode(error: unknown, code: string): boolean {
  return meilisearchAnswer(error)?.cause?.code === code;
}

export function isIndexNotFound(error: unknown): boolean {
  return hasCode(error, 'index_not_found');
}

/** The opportunity index: its settings, and sending documents to it (each send waited for). */
export class OpportunityIndex {
  private settingsApplied?: Promise<void>;
  private handle?: Index<OpportunityDocument>;

  constructor(
    readonly meilisearch: Meilisearch,
    readonly name: string,
  ) {}

  /** The index's handle, made once: the client builds a new one (URL, headers) on every `index()`. */
  get documents(): Index<OpportunityDocument> {
    return (this.handle ??= this.meilisearch.index<OpportunityDocument>(this.name));
  }

  /**
   * Creates the index when missing and applies the settings, once per process — again after
   * Meilisearch was unreachable, since it may have come back empty.
   */
  ensureSettings(): Promise<void> {
    this.settingsApplied ??= this.applySettings(this.name).catch((error: unknown) => {
      this.settingsApplied = undefined;
      throw error;
    });
    return this.settingsApplied;
  }

  forgetSettings(): void {
    this.settingsApplied = undefined;
  }

  /**
   * Applies the settings to `uid`, waiting until Meilisearch has. A missing index is created by
   * the same task, so that no search ever meets the index without its settings.
   */
  async applySettings(uid: string, waitOptions: TaskWaitOptions = {}): Promise<void> {
    await this.wait(await this.meilisearch.index(uid).updateSettings(OPPORTUNITY_INDEX_SETTINGS), waitOptions);
  }

  /** Upserts and deletes, settings first; resolves once Meilisearch has applied all of it. */
  async apply(upserts: readonly OpportunityDocument[], deletes: readonly string[], waitOptions: TaskWaitOptions = {}): Promise<void> {
    for (const task of await this.send(upserts, deletes)) await this.wait(task, waitOptions);
  }

  /**
   * Upserts and deletes, settings first; resolves to the enqueued tasks, in Meilisearch's order,
   * without waiting for them (`wait` each).
   */
  async send(upserts: readonly OpportunityDocument[], deletes: readonly string[]): Promise<EnqueuedTask[]> {
    if (upserts.length === 0 && deletes.length === 0) return [];
    await this.ensureSettings();
    const index = this.documents;
    const tasks: EnqueuedTask[] = [];
    for (let i = 0; i < upserts.length; i += DOCUMENTS_PER_REQUEST) {
      tasks.push(await index.addDocuments(upserts.slice(i, i + DOCUMENTS_PER_REQUEST), { primaryKey: 'id' }));
    }
    if (deletes.length > 0) tasks.push(await index.deleteDocuments([...deletes]));
    return tasks;
  }

  /** Waits for a task and fails unless it succeeded (see TaskWaitOptions); resolves to the task as it ended. */
  async wait(task: EnqueuedTask | number, options: TaskWaitOptions = {}): Promise<Task> {
    const taskUid = typeof task === 'number' ? task : task.taskUid;
    const started = Date.now();
    let reported = started;
    let failingSince: number | undefined;
    for (;;) {
      let status: string;
      try {
        const current: Task = await this.meilisearch.tasks.getTask(taskUid);
        failingSince = undefined;
        if (current.status === 'succeeded') return current;
        if (current.status === 'failed' || current.status === 'canceled') throw taskFailure(current);
        status = current.status;
      } catch (error) {
        if (!isMeilisearchUnavailable(error)) throw error;
        failingSince ??= Date.now();
        if (Date.now() - failingSince >= (options.unreachableForMs ?? 0)) throw error;
        status = 'unreachable';
      }
      const now = Date.now();
      if (options.onSlow && now - reported >= (options.reportEveryMs ?? 10_000)) {
        reported = now;
        options.onSlow({ taskUid, status, waitedMs: now - started });
      }
      // A quarter of the time waited so far, at most 200 ms: a task's end is noticed at most that much later.
      await sleep(Math.min(MAX_POLL_MS, FIRST_POLL_MS + (now - started) / 4));
    }
  }
}

function taskFailure(task: { uid: number; status: string; error: { message: string } | null }): Error {
  return new Error(`Meilisearch task ${task.uid} ${task.status}${task.error ? `: ${task.error.message}` : ''}`);
}
