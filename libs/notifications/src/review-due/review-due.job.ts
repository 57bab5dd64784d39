import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { type Actor, Clock, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { AccreditationEntity, AccreditationService, statusAt } from '#registry';
import type { DataSource } from 'typeorm';
import { REVIEW_DUE_ACTION } from '../events/notification-events.js';
import { ReviewDueNoticeEntity } from './review-due-notice.entity.js';

/** Who announces reviews falling due, as the audit log records it. */
export const REVIEW_DUE_ACTOR: Actor = { keyId: 'review-due-job', role: 'ADMIN', organisationId: null };

const BATCH = 500;

/**
 * Announces REVIEW_DUE once per accreditation and review date: when the review date is at most
 * TESSERA_REVIEW_DUE_DAYS away (or has passed) and the decision still stands (not expired, not
 * withdrawn or superseded). The announcement is an audit event, so it reaches subscribers the way
 * every other change does; `review_due_notices` (primary key accreditation + date) makes it once,
 * also with several api instances. "Now" is the injected Clock.
 */
@Injectable()
export class ReviewDueJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accreditations: AccreditationService,
    private readonly clock: Clock,
    @Inject(TESSERA_CONFIG) private readonly config: TesseraConfig,
  ) {}

  /** One pass; resolves to the number of reviews announced. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + this.config.reviewDueDays * 86_400_000);
    let announced = 0;
    for (;;) {
      const candidates = await this.dataSource
        .getRepository(AccreditationEntity)
        .createQueryBuilder('a')
        .where('a.review_date IS NOT NULL AND a.review_date <= :horizon AND :now < a.expires_at', { horizon, now })
        .andWhere('NOT EXISTS (SELECT 1 FROM review_due_notices n WHERE n.accreditation_id = a.id AND n.review_date = a.review_date)')
        .orderBy('a.review_date', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .limit(BATCH)
        .getMany();
      if (candidates.length === 0) return announced;
      const entries = await this.accreditations.statusEntries(candidates.map((a) => a.id));
      for (const accreditation of candidates) {
        const status = statusAt(entries.filter((e) => e.accreditationId === accreditation.id), now);
        const outcome = status === 'WITHDRAWN' || status === 'SUPERSEDED' ? status : 'ANNOUNCED';
        if (await this.note(accreditation, outcome, now)) announced += outcome === 'ANNOUNCED' ? 1 : 0;
      }
      if (candidates.length < BATCH) return announced;
    }
  }

  /** Records the notice (and, when announced, its audit event) unless another instance did first. */
  private note(accreditation: AccreditationEntity, outcome: ReviewDueNoticeEntity['outcome'], now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ReviewDueNoticeEntity)
        .values({ accreditationId: accreditation.id, reviewDate: accreditation.reviewDate!, notedAt: now, outcome })
        .orIgnore()
        .returning(['accreditationId'])
        .execute();
      if (inserted.raw.length === 0) return false;
      if (outcome === 'ANNOUNCED') {
        await this.audit.append(manager, {
          actor: REVIEW_DUE_ACTOR,
          action: REVIEW_DUE_ACTION,
          entityType: 'Accreditation',
          entityId: accreditation.id,
          diff: { reviewDate: accreditation.reviewDate, daysBefore: this.config.reviewDueDays },
        });
      }
      return true;
    });
  }
}
