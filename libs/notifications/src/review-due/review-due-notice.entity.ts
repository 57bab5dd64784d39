import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A REVIEW_DUE announced: once per accreditation and review date (a new review date is announced again). */
@Entity({ name: 'review_due_notices' })
export class ReviewDueNoticeEntity {
  @PrimaryColumn({ name: 'accreditation_id', type: 'uuid' })
  accreditationId: string;

  @PrimaryColumn({ name: 'review_date', type: 'timestamptz' })
  reviewDate: Date;

  /** When the job looked at it. */
  @Column({ name: 'noted_at', type: 'timestamptz' })
  notedAt: Date;

  /** ANNOUNCED, or why not: WITHDRAWN and SUPERSEDED are final, so such a decision is never announced for this date. */
  @Column({ type: 'text' })
  outcome: 'ANNOUNCED' | 'WITHDRAWN' | 'SUPERSEDED';
}
