import { Field, ID, ObjectType } from 'type-graphql';
import { UserRole } from './user-role.enum.js';

@ObjectType('User', { simpleResolvers: true, description: 'An employee with access to the workspace' })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => UserRole)
  role!: UserRole;
}

@ObjectType('Workspace', { simpleResolvers: true })
export class WorkspaceType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  slug!: string;
}

@ObjectType('Viewer', { simpleResolvers: true, description: 'Who is calling' })
export class ViewerType {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => WorkspaceType)
  workspace!: WorkspaceType;
}
