import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../data/ids.js';

/** A tenant. Every other row belongs to exactly one workspace. */
@Entity()
export class Workspace {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property()
  name!: string;

  @Property({ unique: true })
  slug!: string;

  /**
   * The last event sequence handed out. Incrementing it row-locks the workspace until commit, so
   * events of one workspace commit in sequence order and a reader resuming "after N" never skips one.
   */
  @Property({ type: 'bigint', default: 0 })
  lastEventSeq: number = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
