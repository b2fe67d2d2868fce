import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Counterparty, WorkspaceScopedEntity } from '@kontra/core';

/** A loyalty stamp: the smallest entity a third-party plugin could add. */
@Entity({ tableName: 'fixture_stamp' })
@Index({ properties: ['workspace', 'counterparty', 'stampedAt'] })
export class Stamp extends WorkspaceScopedEntity {
  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  counterparty!: Counterparty;

  @Property({ type: 'datetime' })
  stampedAt!: Date;

  @Property()
  reason!: string;
}
