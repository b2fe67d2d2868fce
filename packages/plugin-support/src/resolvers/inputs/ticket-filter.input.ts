import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { TicketPriority, TicketStatus } from '../../entities/support.enums.js';

export enum TicketOrder {
  /** Newest first. */
  NEWEST = 'NEWEST',
  /** Soonest SLA due time first; tickets with no running clock last. */
  DUE = 'DUE',
}

registerEnumType(TicketOrder, { name: 'TicketOrder' });

@InputType({ description: 'All given conditions must hold' })
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true }) @IsOptional() @ArrayMaxSize(6) status?: TicketStatus[];
  @Field(() => [TicketPriority], { nullable: true }) @IsOptional() @ArrayMaxSize(4) priority?: TicketPriority[];
  @Field(() => ID, { nullable: true }) queueId?: string;
  @Field(() => ID, { nullable: true }) assigneeId?: string;
  @Field({ nullable: true, description: 'true: only tickets nobody is assigned to' }) unassigned?: boolean;
  @Field(() => ID, { nullable: true }) counterpartyId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(60) tag?: string;

  @Field({ nullable: true, description: 'Words in the subject or in a comment you may read' })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field({ nullable: true, description: 'true: a target was missed; false: none was' }) slaBreached?: boolean;
}
