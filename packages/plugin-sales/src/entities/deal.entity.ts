import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Counterparty, User, WorkspaceOwnedEntity, WorkspaceScopedEntity } from '@kontra/core';
import { Pipeline, Stage } from './pipeline.entity.js';
import { PricedLineEntity } from './priced-line.entity.js';

/** An opportunity to sell to a counterparty, moving through a pipeline's stages. */
@Entity({ tableName: 'sales_deal' })
@Index({ properties: ['workspace', 'pipeline', 'stage'] })
@Index({ properties: ['workspace', 'counterparty'] })
@Index({ properties: ['workspace', 'owner'] })
@Index({ properties: ['workspace', 'expectedCloseDate'] })
export class Deal extends WorkspaceScopedEntity {
  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  counterparty!: Counterparty;

  @ManyToOne(() => Pipeline, { deleteRule: 'cascade' })
  pipeline!: Pipeline;

  @ManyToOne(() => Stage, { deleteRule: 'restrict' })
  stage!: Stage;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  owner: User | null = null;

  @Property()
  title!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  @Property({ length: 3 })
  currency!: string;

  @Property({ type: 'date', nullable: true })
  expectedCloseDate: string | null = null;

  /** Where the deal came from, e.g. referral, website, trade fair. */
  @Property({ nullable: true })
  source: string | null = null;

  @Property({ nullable: true })
  lostReason: string | null = null;

  /** When the deal reached a won or lost stage; null while open. */
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}

/** Who moved a deal from which stage to which, and when. */
@Entity({ tableName: 'sales_deal_stage_change' })
@Index({ properties: ['workspace', 'deal', 'changedAt'] })
export class DealStageChange extends WorkspaceOwnedEntity {
  @ManyToOne(() => Deal, { deleteRule: 'cascade' })
  deal!: Deal;

  @ManyToOne(() => Stage, { nullable: true, deleteRule: 'set null' })
  fromStage: Stage | null = null;

  @ManyToOne(() => Stage, { deleteRule: 'restrict' })
  toStage!: Stage;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor: User | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  changedAt: Date = new Date();
}

/** A product line of a deal; when a deal has lines, its amount is their sum. */
@Entity({ tableName: 'sales_deal_line' })
@Index({ properties: ['workspace', 'deal'] })
export class DealLine extends PricedLineEntity {
  @ManyToOne(() => Deal, { deleteRule: 'cascade' })
  deal!: Deal;
}
