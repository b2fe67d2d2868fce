import { UserRole } from './user-role.enum.js';
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '../../data/workspace-scoped.entity.js';

/** An employee of the workspace's business. */
@Entity()
@Unique({ properties: ['workspace', 'email'] })
export class User extends WorkspaceScopedEntity {
  @Property()
  email!: string;

  @Property()
  name!: string;

  @Enum({ items: () => UserRole, nativeEnumName: 'user_role' })
  role: UserRole = UserRole.AGENT;
}
