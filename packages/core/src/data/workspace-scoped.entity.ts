import { ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from './ids.js';
import { Workspace } from '../domain/workspace/workspace.entity.js';

/**
 * What every workspace-owned row carries: its workspace, a version for optimistic locking,
 * timestamps, and a soft-delete mark. Plugins extend it for their own entities.
 */
export abstract class WorkspaceScopedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ version: true })
  version: number = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;
}
