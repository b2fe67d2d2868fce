import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBase64, IsOptional, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { InteractionDirection, InteractionType } from './interaction.enums.js';

@InputType({ description: 'Exactly one of counterpartyId and userId' })
export class ParticipantInput {
  @Field(() => ID, { nullable: true }) counterpartyId?: string | null;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) role?: string | null;
}

/** 10 MiB of content, as base64. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

@InputType()
export class AttachmentInput {
  @Field() @Length(1, 255) fileName!: string;

  @Field({ description: 'A MIME type, e.g. application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'must be a MIME type such as application/pdf' })
  contentType!: string;

  @Field({ description: `The file's bytes, base64-encoded; at most ${MAX_ATTACHMENT_BYTES} bytes` })
  @IsBase64({}, { message: 'must be base64' })
  contentBase64!: string;

  @Field(() => String, { nullable: true, description: 'If given, the server checks the content against it' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be a lower-case hex SHA-256' })
  sha256?: string | null;
}

@InputType()
class InteractionFields {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) subject?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100_000) body?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) outcome?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) durationSeconds?: number | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'On update, replaces the participants' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  participants?: ParticipantInput[];
}

@InputType()
export class CreateInteractionInput extends InteractionFields {
  @Field(() => ID) counterpartyId!: string;
  @Field(() => InteractionType) type!: InteractionType;
  @Field(() => InteractionDirection) direction!: InteractionDirection;
  @Field() occurredAt!: Date;

  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  attachments?: AttachmentInput[];
}

@InputType()
export class UpdateInteractionInput extends InteractionFields {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field(() => InteractionType, { nullable: true }) type?: InteractionType;
  @Field(() => InteractionDirection, { nullable: true }) direction?: InteractionDirection;
  @Field({ nullable: true }) occurredAt?: Date;
}

@InputType()
export class AddAttachmentInput extends AttachmentInput {
  @Field(() => ID) interactionId!: string;
}
