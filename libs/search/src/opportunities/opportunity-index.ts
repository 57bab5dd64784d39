import { type EnqueuedTask, type Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchTaskTimeOutError } from 'meilisearch';
import type { OpportunityDocument } from './opportunity-document.js';
import { OPPORTUNITY_INDEX_SETTINGS } from './opportunity-index.settings.js';

/** Documents per request: large enough for Meilisearch's batching, small enough to keep memory flat. */
export const DOCUMENTS_PER_REQUEST = 2_000;

/** Polling Meilisearch's task queue often keeps a change's path to searchable short. */
const TASK_WAIT = { interval: 20, timeout: 15_000 };

/**
 * True when the failure is Meilisearch being unreachable, slow or broken (network error, timeout,
 * 5xx) rather than it refusing what was asked.
 */
export function isMeilisearchUnavailable(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError || error instanceof MeilisearchTaskTimeOutError) return true;
  return error instanceof MeilisearchApiError && error.response.status >= 500;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === code;
}

export function isIndexNotFound(error: unknown): boolean {
  return hasCode(error, 'index_not_found');
}

/** The opportunity index: its settings, and sending documents to it (each send waited for). */
export class OpportunityIndex {
  private settingsApplied?: Promise<void>;

  constructor(
    readonly meilisearch: Meilisearch,
    readonly name: string,
  ) {}

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
  async applySettings(uid: string): Promise<void> {
    await this.wait(await this.meilisearch.index(uid).updateSettings(OPPORTUNITY_INDEX_SETTINGS));
  }

  /** Upserts and deletes, settings first; resolves once Meilisearch has applied all of it. */
  async apply(upserts: readonly OpportunityDocument[], deletes: readonly string[]): Promise<void> {
    if (upserts.length === 0 && deletes.length === 0) return;
    await this.ensureSettings();
    const index = this.meilisearch.index<OpportunityDocument>(this.name);
    const tasks: EnqueuedTask[] = [];
    for (let i = 0; i < upserts.length; i += DOCUMENTS_PER_REQUEST) {
      tasks.push(await index.addDocuments(upserts.slice(i, i + DOCUMENTS_PER_REQUEST), { primaryKey: 'id' }));
    }
    if (deletes.length > 0) tasks.push(await index.deleteDocuments([...deletes]));
    for (const task of tasks) await this.wait(task);
  }

  /** Waits for a task and fails unless it succeeded. */
  async wait(task: EnqueuedTask | number): Promise<void> {
    const done = await this.meilisearch.tasks.waitForTask(task, TASK_WAIT);
    if (done.status !== 'succeeded') throw taskFailure(done);
  }
}

function taskFailure(task: { uid: number; status: string; error: { message: string } | null }): Error {
  return new Error(`Meilisearch task ${task.uid} ${task.status}${task.error ? `: ${task.error.message}` : ''}`);
}
