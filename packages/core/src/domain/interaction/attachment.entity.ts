import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../data/ids.js';
import { Workspace } from '../workspace/workspace.entity.js';
import { Interaction } from './interaction.entity.js';

/** A stored file attached to an interaction; content lives in its own column, loaded only on demand. */
@Entity()
@Index({ properties: ['workspace', 'interaction'] })
export class Attachment {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @ManyToOne(() => Interaction, { deleteRule: 'cascade' })
  interaction!: Interaction;

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
