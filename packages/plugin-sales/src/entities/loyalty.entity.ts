import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Counterparty, WorkspaceOwnedEntity, WorkspaceScopedEntity } from '@kontra/core';
import { Order } from './order.entity.js';

/** A counterparty's loyalty card (the supermarket card that records every purchase). */
@Entity({ tableName: 'sales_loyalty_card' })
@Unique({ properties: ['workspace', 'number'] })
@Unique({ properties: ['workspace', 'counterparty'] })
export class LoyaltyCard extends WorkspaceScopedEntity {
  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  counterparty!: Counterparty;

  @Property()
  number!: string;

  /** Lifetime points earned (less reversals); decides the tier. */
  @Property({ default: 0 })
  pointsEarned: number = 0;

  @Property({ default: 0 })
  pointsRedeemed: number = 0;
}

/** One movement of points: earned by an order (or reversed with it), or redeemed. */
@Entity({ tableName: 'sales_loyalty_transaction' })
@Index({ properties: ['workspace', 'card', 'createdAt'] })
export class LoyaltyTransaction extends WorkspaceOwnedEntity {
  @ManyToOne(() => LoyaltyCard, { deleteRule: 'cascade' })
  card!: LoyaltyCard;

  @ManyToOne(() => Order, { nullable: true, deleteRule: 'set null' })
  order: Order | null = null;

  /** Positive when earned, negative when redeemed or reversed. */
  @Property()
  points!: number;

  @Property()
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
