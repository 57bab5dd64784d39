import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far the fan-out has read the audit log: one row. It moves in the same transaction as the
 * deliveries it created, so a restart neither repeats nor skips an event.
 */
@Entity({ name: 'notification_cursor' })
export class NotificationCursorEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ name: 'audit_event_id', type: 'bigint' })
  auditEventId: string;
}
