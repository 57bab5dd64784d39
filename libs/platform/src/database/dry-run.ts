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
export async function transactionOrDryRun<T>(
  dataSource: DataSource,
  options: ImportOptions,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    // Inside an import's batch (`options.manager`) the transaction is a savepoint: a refused record rolls back alone.
    return await (options.manager ?? dataSource).transaction(async (manager) => {
      const result = await work(manager);
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}

/** How an import asks a service to write: with the record's ELM id, maybe only as a dry run, maybe inside the import's batch transaction. */
export interface ImportOptions {
  elmId?: string | null;
  dryRun?: boolean;
  /** The batch's transaction: many records commit together (one COMMIT for hundreds of rows), each in its own savepoint. */
  manager?: EntityManager;
}
