import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceOwnedEntity } from '../../data/workspace-scoped.entity.js';
import { Interaction } from './interaction.entity.js';

/**
 * A stored file; content lives in its own column, loaded only on demand. Attached to an interaction,
 * or (interaction null) owned by a plugin's record through the plugin's own link table.
 */
@Entity()
@Index({ properties: ['workspace', 'interaction'] })
export class Attachment extends WorkspaceOwnedEntity {
  @ManyToOne(() => Interaction, { deleteRule: 'cascade', nullable: true })
  interaction: Interaction | null = null;

  @Property()
  fileName!: string;

  @Property()
  contentType!: string;

  @Property()
  size!: number;

  /** Hex SHA-256 of the content, so clients can verify and deduplicate. */
  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
