import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../kernel/context.js';
import { write, type WriteContext } from '../../events/write.js';
import { badUserInput } from '../../graphql/errors.js';
import { loadForUpdate } from '../../data/load-for-update.js';
import { Workspace } from '../workspace/workspace.entity.js';
import { CustomFieldType } from './custom-field-type.enum.js';
import { FieldDefinition } from './field-definition.entity.js';
import { CreateCustomFieldInput, CustomFieldDefinitionType, UpdateCustomFieldInput } from './custom-field.type.js';

function requireOptions(type: CustomFieldType, options: string[]): void {
  if (type === CustomFieldType.SELECT && options.length === 0) {
    throw badUserInput('A SELECT field needs options', [{ path: 'options', message: 'must list at least one value' }]);
  }
}

function emitChange(tx: WriteContext, definition: FieldDefinition, type: string): void {
  tx.emit({
    type,
    entityType: 'CustomFieldDefinition',
    entityId: definition.id,
    payload: { key: definition.key, type: definition.type, options: definition.options, required: definition.required },
  });
}

/** Custom fields are managed by admins; values are validated on every counterparty write. */
@Resolver(() => CustomFieldDefinitionType)
export class CustomFieldResolver {
  @Query(() => [CustomFieldDefinitionType])
  customFieldDefinitions(@Ctx() ctx: RequestContext) {
    const principal = requirePrincipal(ctx);
    return ctx.em.find(
      FieldDefinition,
      { workspace: principal.workspaceId, deletedAt: null },
      { orderBy: { key: 'asc' } },
    );
  }

  @Mutation(() => CustomFieldDefinitionType)
  createCustomFieldDefinition(@Arg('input') input: CreateCustomFieldInput, @Ctx() ctx: RequestContext) {
    return write(ctx, 'customField.manage', async (tx) => {
      const existing = await tx.em.findOne(FieldDefinition, { workspace: tx.principal.workspaceId, key: input.key });
      if (existing) throw badUserInput('The key is taken', [{ path: 'key', message: 'is already a custom field' }]);
      requireOptions(input.type, input.options ?? []);
      const definition = Object.assign(new FieldDefinition(), {
        workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
        key: input.key,
        label: input.label,
        type: input.type,
        options: input.options ?? [],
        required: input.required,
      });
      tx.em.persist(definition);
      emitChange(tx, definition, 'customField.created');
      return definition;
    });
  }

  @Mutation(() => CustomFieldDefinitionType)
  updateCustomFieldDefinition(@Arg('input') input: UpdateCustomFieldInput, @Ctx() ctx: RequestContext) {
    return write(ctx, 'customField.manage', async (tx) => {
      const definition = await loadForUpdate(tx, FieldDefinition, input.id, {
        expectedVersion: input.version,
        label: 'CustomFieldDefinition',
      });
      if (input.label != null) definition.label = input.label;
      if (input.options != null) definition.options = input.options;
      if (input.required != null) definition.required = input.required;
      requireOptions(definition.type, definition.options);
      emitChange(tx, definition, 'customField.updated');
      return definition;
    });
  }

  @Mutation(() => CustomFieldDefinitionType, { description: 'Stored values stay; the key stops being accepted' })
  deleteCustomFieldDefinition(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return write(ctx, 'customField.manage', async (tx) => {
      const definition = await loadForUpdate(tx, FieldDefinition, id, {
        expectedVersion: version,
        label: 'CustomFieldDefinition',
      });
      definition.deletedAt = new Date();
      emitChange(tx, definition, 'customField.deleted');
      return definition;
    });
  }
}
