import { registerEnumType } from 'type-graphql';

export enum InteractionType {
  CALL = 'CALL',
  MEETING = 'MEETING',
  EMAIL = 'EMAIL',
  MESSAGE = 'MESSAGE',
  NOTE = 'NOTE',
  DOCUMENT = 'DOCUMENT',
}

export enum InteractionDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
  INTERNAL = 'INTERNAL',
}

registerEnumType(InteractionType, { name: 'InteractionType' });
registerEnumType(InteractionDirection, { name: 'InteractionDirection' });
