import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kontra/core';
import { SlaClockStatus, TicketChannel, TicketPriority, TicketStatus } from '../entities/support.enums.js';

@ObjectType('SupportQueue', { simpleResolvers: true, description: "A team's inbox that tickets are routed to" })
export class SupportQueueType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('WorkingInterval', { simpleResolvers: true })
export class WorkingIntervalType {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field({ description: 'HH:MM, local time' }) start!: string;
  @Field({ description: 'HH:MM or 24:00, local time' }) end!: string;
}

@ObjectType('BusinessCalendar', { simpleResolvers: true, description: 'Working hours in a time zone, minus holidays' })
export class BusinessCalendarType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() timeZone!: string;
  @Field(() => [WorkingIntervalType]) workingHours!: WorkingIntervalType[];
  @Field(() => [DateScalar]) holidays!: string[];
  @Field(() => Int) version!: number;
}

@ObjectType('SlaPolicy', { simpleResolvers: true, description: 'Response and resolution targets in business minutes' })
export class SlaPolicyType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => TicketPriority) priority!: TicketPriority;
  @Field(() => String, { nullable: true }) tag!: string | null;
  @Field(() => Int) firstResponseMinutes!: number;
  @Field(() => Int) resolutionMinutes!: number;
  calendarId!: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('SlaClock', { simpleResolvers: true, description: 'One SLA target of a ticket, in business time' })
export class SlaClockType {
  @Field(() => SlaClockStatus) status!: SlaClockStatus;
  @Field(() => Int, { nullable: true }) targetMinutes!: number | null;
  @Field(() => Date, { nullable: true, description: 'When it is due; null while paused or done' }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'The due time it missed' }) breachedAt!: Date | null;
}

@ObjectType('TicketSla', { simpleResolvers: true })
export class TicketSlaType {
  slaPolicyId!: string | null;
  @Field(() => SlaClockType) firstResponse!: SlaClockType;
  @Field(() => SlaClockType) resolution!: SlaClockType;
}

@ObjectType('TicketSatisfaction', { simpleResolvers: true })
export class TicketSatisfactionType {
  @Field(() => Int, { description: '1 to 5' }) rating!: number;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field() ratedAt!: Date;
}

@ObjectType('Ticket', { simpleResolvers: true, description: "A customer's request to support" })
export class TicketType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Per workspace, from 1' }) number!: number;
  counterpartyId!: string;
  contactId!: string | null;
  @Field() subject!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => TicketChannel) channel!: TicketChannel;
  @Field(() => TicketStatus) status!: TicketStatus;
  @Field(() => TicketPriority) priority!: TicketPriority;
  @Field(() => [String]) tags!: string[];
  assigneeId!: string | null;
  queueId!: string | null;
  @Field(() => ID, { nullable: true, description: 'A sales deal, when the sales plugin is installed' })
  relatedDealId!: string | null;

  @Field(() => ID, { nullable: true, description: 'A sales order, when the sales plugin is installed' })
  relatedOrderId!: string | null;

  @Field(() => Date, { nullable: true, description: 'The earliest running SLA due time' }) nextDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  sla!: TicketSlaType;
  satisfactionRating!: number | null;
  satisfactionComment!: string | null;
  ratedAt!: Date | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('TicketComment', { simpleResolvers: true, description: 'A public reply or an internal note' })
export class TicketCommentType {
  @Field(() => ID) id!: string;
  ticketId!: string;
  authorId!: string | null;
  authorCounterpartyId!: string | null;
  @Field() body!: string;
  @Field({ description: 'Internal notes are visible to staff only' }) internal!: boolean;
  @Field() createdAt!: Date;
}

@ObjectType('TicketStatusChange', { simpleResolvers: true })
export class TicketStatusChangeType {
  @Field(() => ID) id!: string;
  ticketId!: string;
  @Field(() => TicketStatus, { nullable: true }) fromStatus!: TicketStatus | null;
  @Field(() => TicketStatus) toStatus!: TicketStatus;
  actorId!: string | null;
  @Field() changedAt!: Date;
}
