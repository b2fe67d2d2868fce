import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar } from '@kontra/core';
import { TicketPriority } from '../../entities/support.enums.js';

@InputType()
export class SupportQueueInput {
  @Field() @Length(1, 120) name!: string;
}

@InputType()
export class UpdateSupportQueueInput extends SupportQueueInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
}

@InputType({ description: 'Working time on one weekday, in local time' })
export class WorkingIntervalInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field({ description: 'HH:MM' }) start!: string;
  @Field({ description: 'HH:MM after start, or 24:00' }) end!: string;
}

@InputType()
export class BusinessCalendarInput {
  @Field() @Length(1, 120) name!: string;
  @Field({ description: 'IANA time zone, e.g. Europe/Berlin' }) @Length(1, 64) timeZone!: string;

  @Field(() => [WorkingIntervalInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(70)
  workingHours!: WorkingIntervalInput[];

  @Field(() => [DateScalar], { defaultValue: [], description: 'Local dates with no working hours' })
  @ArrayMaxSize(1000)
  holidays!: string[];
}

@InputType()
export class UpdateBusinessCalendarInput extends BusinessCalendarInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
}

const YEAR_MINUTES = 366 * 24 * 60;

@InputType()
export class SlaPolicyInput {
  @Field() @Length(1, 120) name!: string;
  @Field(() => TicketPriority) priority!: TicketPriority;

  @Field(() => String, { nullable: true, description: 'Only tickets with this tag; wins over a policy without one' })
  @IsOptional()
  @MaxLength(60)
  tag?: string | null;

  @Field(() => Int, { description: 'Business minutes to the first public reply' })
  @Min(1)
  @Max(YEAR_MINUTES)
  firstResponseMinutes!: number;

  @Field(() => Int, { description: 'Business minutes to resolution' })
  @Min(1)
  @Max(YEAR_MINUTES)
  resolutionMinutes!: number;
  @Field(() => ID, { nullable: true, description: 'Null: round the clock' }) calendarId?: string | null;
}

@InputType({ description: 'Applies to tickets created from now on and to open tickets whose priority changes' })
export class UpdateSlaPolicyInput extends SlaPolicyInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
}
