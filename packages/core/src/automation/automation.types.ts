import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUrl, Length, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { RunStatus } from './automation.enums.js';

export enum TriggerActionType {
  /** An internal note on the event's counterparty, assigned to its owner (or the rule's author). */
  CREATE_TASK = 'CREATE_TASK',
  /** Makes a user the owner of the event's counterparty, if it has none. */
  ASSIGN_OWNER = 'ASSIGN_OWNER',
  /** Delivers the event to one webhook endpoint. */
  NOTIFY_WEBHOOK = 'NOTIFY_WEBHOOK',
}

registerEnumType(TriggerActionType, { name: 'TriggerActionType' });

@ObjectType('WebhookEndpoint', { simpleResolvers: true })
export class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [String], { description: 'Event types delivered; `*` for all' }) eventTypes!: string[];
  @Field() active!: boolean;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
}

@ObjectType('CreatedWebhookEndpoint')
export class CreatedWebhookEndpointType {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field({ description: 'The signing secret; shown only now' }) secret!: string;
}

@ObjectType('WebhookDelivery', {
  simpleResolvers: true,
  description: 'One event sent to one endpoint, with its attempts',
})
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  endpointId!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => Int) eventSeq!: number;
  @Field() eventType!: string;
  @Field(() => ID, { nullable: true, description: 'The delivery this one replays' }) replayOf!: string | null;
  @Field(() => RunStatus) status!: RunStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('TriggerCondition', { simpleResolvers: true })
export class TriggerConditionType {
  @Field({ description: 'A dotted path into the event, e.g. payload.priority' }) path!: string;
  @Field(() => GraphQLJSON) equals!: unknown;
}

@ObjectType('TriggerAction', { simpleResolvers: true })
export class TriggerActionObjectType {
  @Field(() => TriggerActionType) type!: TriggerActionType;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => ID, { nullable: true }) endpointId?: string | null;
}

@ObjectType('TriggerRule', {
  simpleResolvers: true,
  description: 'On an event of a type, if conditions hold, do actions',
})
export class TriggerRuleType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() eventType!: string;
  @Field(() => [TriggerConditionType]) conditions!: TriggerConditionType[];
  @Field(() => [TriggerActionObjectType]) actions!: TriggerActionObjectType[];
  @Field() active!: boolean;
  @Field(() => Int) version!: number;
}

@ObjectType('TriggerRun', { simpleResolvers: true, description: 'A rule acting on one event' })
export class TriggerRunType {
  @Field(() => ID) id!: string;
  ruleId!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => Int) eventSeq!: number;
  @Field(() => RunStatus) status!: RunStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field() createdAt!: Date;
}

@InputType()
export class WebhookEndpointInput {
  @Field()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) URL' },
  )
  url!: string;

  @Field(() => [String], { description: 'Event types to deliver, or ["*"]' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Length(1, 120, { each: true })
  eventTypes!: string[];
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) URL' },
  )
  url?: string;

  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(100) eventTypes?: string[];
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class TriggerConditionInput {
  @Field() @Length(1, 200) path!: string;
  @Field(() => GraphQLJSON) equals!: unknown;
}

@InputType({ description: 'CREATE_TASK takes subject (and body); ASSIGN_OWNER userId; NOTIFY_WEBHOOK endpointId' })
export class TriggerActionInput {
  @Field(() => TriggerActionType) type!: TriggerActionType;
  @Field(() => String, { nullable: true, description: 'May use {payload.field} placeholders' })
  @IsOptional()
  @MaxLength(255)
  subject?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10_000) body?: string | null;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => ID, { nullable: true }) endpointId?: string | null;
}

@InputType()
export class TriggerRuleInput {
  @Field() @Length(1, 120) name!: string;
  @Field({ description: 'e.g. support.slaBreached, counterparty.birthday' }) @Length(1, 120) eventType!: string;
  @Field(() => [TriggerConditionInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  conditions!: TriggerConditionInput[];

  @Field(() => [TriggerActionInput])
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  actions!: TriggerActionInput[];
}

@InputType()
export class UpdateTriggerRuleInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ nullable: true }) active?: boolean;
}
