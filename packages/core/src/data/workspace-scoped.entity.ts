import { ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from './ids.js';
import { Workspace } from '../domain/workspace/workspace.entity.js';

/** A row that belongs to one workspace: the least every workspace-owned table carries. */
export abstract class WorkspaceOwnedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;
}

/**
 * What an editable workspace-owned row carries besides: a version for optimistic locking,
 * timestamps, and a soft-delete mark. Plugins extend it for their own entities.
 */
export abstract class WorkspaceScopedEntity extends WorkspaceOwnedEntity {
  @Property({ version: true })
  version: number = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;
}
