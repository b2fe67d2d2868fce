import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AttachmentInput } from '@kontra/core';
import { TicketChannel, TicketPriority, TicketStatus } from '../../entities/support.enums.js';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _./-]{0,59}$/u;

@InputType()
export class CreateTicketInput {
  @Field(() => ID) counterpartyId!: string;
  @Field(() => ID, { nullable: true, description: 'The person who asked, when the counterparty is an organisation' })
  contactId?: string | null;

  @Field() @Length(1, 255) subject!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100_000) description?: string | null;
  @Field(() => TicketChannel) channel!: TicketChannel;
  @Field(() => TicketPriority, { nullable: true, description: 'Defaults to NORMAL' }) priority?: TicketPriority;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: 'each tag must be 1–60 letters, digits, spaces or _ . / -' })
  tags?: string[];

  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true }) queueId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A deal of the sales plugin (needs it installed)' })
  relatedDealId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An order of the sales plugin (needs it installed)' })
  relatedOrderId?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional one' })
export class UpdateTicketInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you read; a newer one is a CONFLICT' }) @Min(1) version!: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 255) subject?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100_000) description?: string | null;
  @Field(() => TicketChannel, { nullable: true }) channel?: TicketChannel;
  @Field(() => TicketPriority, { nullable: true, description: 'Re-applies the SLA policy' }) priority?: TicketPriority;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: 'each tag must be 1–60 letters, digits, spaces or _ . / -' })
  tags?: string[];

  @Field(() => ID, { nullable: true }) contactId?: string | null;
  @Field(() => ID, { nullable: true }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true }) queueId?: string | null;
  @Field(() => ID, { nullable: true }) relatedDealId?: string | null;
  @Field(() => ID, { nullable: true }) relatedOrderId?: string | null;
}

@InputType()
export class ChangeTicketStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field(() => TicketStatus) status!: TicketStatus;
}

@InputType()
export class AddTicketCommentInput {
  @Field(() => ID) ticketId!: string;
  @Field() @Length(1, 100_000) body!: string;

  @Field({ defaultValue: false, description: 'An internal note: never shown to viewers or in public feeds' })
  internal!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'Record a message from the customer (this counterparty or its contact) instead of from you',
  })
  authorCounterpartyId?: string | null;

  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  attachments?: AttachmentInput[];
}

@InputType()
export class RateTicketInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy)' }) @Min(1) @Max(5) rating!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5_000) comment?: string | null;
}
