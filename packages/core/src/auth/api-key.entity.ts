import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '../data/workspace-scoped.entity.js';
import { User } from '../domain/workspace/user.entity.js';

/**
 * An API key acts as its user. Only a SHA-256 of the secret is stored; the public prefix finds
 * the row without scanning.
 */
@Entity()
@Index({ properties: ['workspace', 'user'] })
export class ApiKey extends WorkspaceScopedEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property()
  name!: string;

  @Property({ unique: true })
  prefix!: string;

  @Property()
  secretHash!: string;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
