import { CustomFieldType } from './custom-field-type.enum.js';
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '../../data/workspace-scoped.entity.js';

/** A workspace's own attribute on counterparties; `customAttributes` is validated against these. */
@Entity()
@Unique({ properties: ['workspace', 'key'] })
export class FieldDefinition extends WorkspaceScopedEntity {
  @Property()
  key!: string;

  @Property()
  label!: string;

  @Enum({ items: () => CustomFieldType, nativeEnumName: 'custom_field_type' })
  type!: CustomFieldType;

  /** The allowed values of a SELECT field. */
  @Property({ type: 'text[]', default: [] })
  options: string[] = [];

  @Property({ default: false })
  required: boolean = false;
}
