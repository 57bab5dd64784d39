import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Records that a row changed though none of its own columns did (its history grew): a new
 * version, so that anyone holding the old one gets a CONFLICT, and a new updatedAt. Returns the
 * row as it now is. Call it on a row locked FOR UPDATE in the same transaction.
 */
export async function bumpVersion<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<T> {
  await manager
    .createQueryBuilder()
    .update(entity)
    .set({ version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id', { id })
    .execute();
  return manager.getRepository(entity).findOneByOrFail({ id } as never);
}
