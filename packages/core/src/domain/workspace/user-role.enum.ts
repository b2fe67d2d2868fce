import { registerEnumType } from 'type-graphql';

/** What a user may do, from most to least. */
export enum UserRole {
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  AGENT = 'AGENT',
  VIEWER = 'VIEWER',
}

registerEnumType(UserRole, { name: 'UserRole' });
