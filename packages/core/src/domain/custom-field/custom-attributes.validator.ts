import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldProblem } from '../../graphql/errors.js';
import { CustomFieldType } from './custom-field-type.enum.js';
import { FieldDefinition } from './field-definition.entity.js';

function problemWith(definition: FieldDefinition, value: unknown): string | null {
  switch (definition.type) {
    case CustomFieldType.TEXT:
      return typeof value === 'string' && value.length <= 10_000 ? null : 'must be text (at most 10,000 characters)';
    case CustomFieldType.NUMBER:
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case CustomFieldType.BOOLEAN:
      return typeof value === 'boolean' ? null : 'must be true or false';
    case CustomFieldType.DATE:
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'must be a date as YYYY-MM-DD';
    case CustomFieldType.SELECT:
      return typeof value === 'string' && definition.options.includes(value)
        ? null
        : `must be one of ${definition.options.join(', ')}`;
  }
}

/**
 * Checks custom attributes against the workspace's field definitions: unknown keys, wrong types
 * and missing required fields are each reported. `null` removes a value. A new counterparty must
 * have every required field; an update may not remove one (fields made required later do not
 * block unrelated edits of older counterparties).
 */
export async function validateCustomAttributes(
  em: EntityManager,
  workspaceId: string,
  attributes: Record<string, unknown>,
  mode: 'create' | 'update',
): Promise<FieldProblem[]> {
  const definitions = await em.find(FieldDefinition, { workspace: workspaceId, deletedAt: null });
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const definition = byKey.get(key);
    if (!definition)
      problems.push({ path: `customAttributes.${key}`, message: 'is not a custom field of this workspace' });
    else if (value !== null) {
      const problem = problemWith(definition, value);
      if (problem) problems.push({ path: `customAttributes.${key}`, message: problem });
    }
  }
  for (const definition of definitions) {
    const missing = mode === 'create' ? attributes[definition.key] == null : attributes[definition.key] === null;
    if (definition.required && missing) {
      problems.push({ path: `customAttributes.${definition.key}`, message: 'is required' });
    }
  }
  return problems;
}
