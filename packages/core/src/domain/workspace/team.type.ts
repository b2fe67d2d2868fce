import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsEmail, Length } from 'class-validator';
import { UserRole } from './user-role.enum.js';

@InputType()
export class CreateUserInput {
  @Field() @IsEmail({}, { message: 'must be an e-mail address' }) email!: string;
  @Field() @Length(1, 255) name!: string;
  @Field(() => UserRole) role!: UserRole;
}

@ObjectType('ApiKey', { simpleResolvers: true, description: 'An API key; its secret is shown only when issued' })
export class ApiKeyType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The public part, as in kontra_<prefix>_…' }) prefix!: string;
  @Field(() => ID) userId!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('IssuedApiKey', { simpleResolvers: true })
export class IssuedApiKeyType {
  @Field({ description: 'The full key. Store it now: it cannot be shown again' }) key!: string;
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
}
