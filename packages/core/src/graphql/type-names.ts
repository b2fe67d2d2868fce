import { getMetadataStorage } from 'type-graphql';
import type { ClassReference } from '../kernel/plugin.js';

/** The GraphQL name type-graphql gave a decorated class. */
export function graphqlTypeName(target: ClassReference, kind: 'object' | 'input'): string | undefined {
  const storage = getMetadataStorage();
  const types = kind === 'object' ? storage.objectTypes : storage.inputTypes;
  return types.find((t) => t.target === target)?.name;
}
