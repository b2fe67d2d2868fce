import { registerEnumType } from 'type-graphql';

export enum CustomFieldType {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  BOOLEAN = 'BOOLEAN',
  DATE = 'DATE',
  SELECT = 'SELECT',
}

registerEnumType(CustomFieldType, { name: 'CustomFieldType' });
