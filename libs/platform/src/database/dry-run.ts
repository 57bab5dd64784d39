import type { DataSource, EntityManager } from 'typeorm';

/** Thrown at the end of a dry run's transaction so that PostgreSQL rolls back everything it did. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}

/**
 * Runs `work` in one transaction and commits it, or — with `dryRun` — rolls it back after it has
 * run to the end, returning what it returned. A dry run thus applies exactly the rules, checks and
 * constraints a real write does (imports' `dryRun`, DESIGN §8.3), and leaves nothing behind:
 * no row, no audit event, no outbox entry, no notification (PostgreSQL sends NOTIFY on commit only).
 */
export async function transactionOrDryRun<T>(dataSource: DataSource, dryRun: boolean | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(async (manager) => {
      const result = await work(manager);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}

/** How an import asks a service to write: with the record's ELM id, and maybe only as a dry run. */
export interface ImportOptions {
  elmId?: string | null;
  dryRun?: boolean;
}
