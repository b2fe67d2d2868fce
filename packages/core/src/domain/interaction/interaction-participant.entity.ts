import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceOwnedEntity } from '../../data/workspace-scoped.entity.js';
import { Counterparty } from '../counterparty/counterparty.entity.js';
import { User } from '../workspace/user.entity.js';
import { Interaction } from './interaction.entity.js';

/** Who took part in an interaction: a counterparty (say, a contact person) or one of our users. */
@Entity()
@Index({ properties: ['workspace', 'interaction'] })
@Index({ properties: ['workspace', 'counterparty'] })
export class InteractionParticipant extends WorkspaceOwnedEntity {
  @ManyToOne(() => Interaction, { deleteRule: 'cascade' })
  interaction!: Interaction;

  @ManyToOne(() => Counterparty, { nullable: true, deleteRule: 'cascade' })
  counterparty: Counterparty | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'cascade' })
  user: User | null = null;

  /** e.g. ORGANISER, ATTENDEE, TO, CC. */
  @Property({ nullable: true })
  role: string | null = null;
}
