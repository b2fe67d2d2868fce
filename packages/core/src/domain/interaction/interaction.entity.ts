import { InteractionType, InteractionDirection } from './interaction.enums.js';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '../../data/workspace-scoped.entity.js';
import { Counterparty } from '../counterparty/counterparty.entity.js';
import { User } from '../workspace/user.entity.js';

/** One event of the relationship history with a counterparty. */
@Entity()
@Index({ properties: ['workspace', 'counterparty', 'occurredAt', 'id'] })
@Index({ properties: ['workspace', 'occurredAt', 'id'] })
export class Interaction extends WorkspaceScopedEntity {
  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  counterparty!: Counterparty;

  @Enum({ items: () => InteractionType, nativeEnumName: 'interaction_type' })
  type!: InteractionType;

  @Enum({ items: () => InteractionDirection, nativeEnumName: 'interaction_direction' })
  direction!: InteractionDirection;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ nullable: true })
  subject: string | null = null;

  @Property({ type: 'text', nullable: true })
  body: string | null = null;

  @Property({ nullable: true })
  outcome: string | null = null;

  @Property({ type: 'integer', nullable: true })
  durationSeconds: number | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;
}
