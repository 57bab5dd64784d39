import type { OpportunityDocument } from '../opportunities/opportunity-document.js';

/** One outbox row as the indexer hands it on: the topic is its writer's name for what changed. */
export interface OutboxChange {
  topic: string;
  aggregateId: string;
}

export interface DocumentChanges {
  /** Documents as they should now be in the index. */
  upserts: OpportunityDocument[];
  /** Ids of opportunities that must not be in the index (no longer published, or gone). */
  deletes: string[];
}

/**
 * Where the indexer gets documents from: the catalogue, which owns opportunities and their shape,
 * provides it (the composition root wires the two), so that search does not depend on the
 * catalogue's code. Documents are always read as they are now, not as the change left them.
 */
export abstract class SearchDocumentSource {
  /** The current documents behind these outbox rows; unknown topics contribute nothing. */
  abstract documentsFor(changes: readonly OutboxChange[]): Promise<DocumentChanges>;

  /** How many documents a full rebuild will send. */
  abstract countAll(): Promise<number>;

  /** Every document that belongs in the index, in batches of at most `batchSize`. */
  abstract allDocuments(batchSize: number): AsyncIterable<OpportunityDocument[]>;
}
