import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '../../data/workspace-scoped.entity.js';
import { Counterparty } from '../counterparty/counterparty.entity.js';

/** A typed, directed link: `from` WORKS_AT `to`, `from` SUBSIDIARY_OF `to`… Seen from both ends. */
@Entity()
@Index({ properties: ['workspace', 'from'] })
@Index({ properties: ['workspace', 'to'] })
export class Relationship extends WorkspaceScopedEntity {
  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  from!: Counterparty;

  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  to!: Counterparty;

  /** Upper snake case, e.g. WORKS_AT; workspaces may use their own types. */
  @Property()
  type!: string;

  /** The role within the link, e.g. a job title for WORKS_AT. */
  @Property({ nullable: true })
  title: string | null = null;

  @Property({ type: 'date', nullable: true })
  since: string | null = null;

  @Property({ type: 'date', nullable: true })
  until: string | null = null;
}
