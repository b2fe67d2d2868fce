import { Field, ID, Int, ObjectType } from 'type-graphql';
import { InteractionDirection, InteractionType } from './interaction.enums.js';

@ObjectType('Interaction', {
  simpleResolvers: true,
  description: 'One event of the relationship history: a call, meeting, e-mail…',
})
export class InteractionObjectType {
  @Field(() => ID)
  id!: string;

  counterpartyId!: string;

  @Field(() => InteractionType)
  type!: InteractionType;

  @Field(() => InteractionDirection)
  direction!: InteractionDirection;

  @Field()
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => Int, { nullable: true })
  durationSeconds!: number | null;

  createdById!: string | null;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  deletedAt!: Date | null;
}

@ObjectType('InteractionParticipant', { simpleResolvers: true, description: 'A counterparty or a user who took part' })
export class InteractionParticipantType {
  @Field(() => ID)
  id!: string;

  interactionId!: string;
  counterpartyId!: string | null;
  userId!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. ORGANISER, ATTENDEE, TO, CC' })
  role!: string | null;
}

@ObjectType('Attachment', {
  simpleResolvers: true,
  description: 'A stored file; its content is loaded only when asked for',
})
export class AttachmentType {
  @Field(() => ID)
  id!: string;

  /** Null for an attachment a plugin owns. */
  interactionId!: string | null;

  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int, { description: 'Bytes' })
  size!: number;

  @Field({ description: 'Hex SHA-256 of the content' })
  sha256!: string;

  @Field()
  createdAt!: Date;
}
