import { createParameterDecorator } from 'type-graphql';
import type { ArgOptions } from 'type-graphql';
import type { ClassReference } from '../kernel/plugin.js';

/**
 * Declares an argument like `@Arg` but hands the resolver the value as GraphQL parsed it, not
 * converted to the input class: fields that plugins add to an input type survive.
 */
export function RawArg(name: string, type: () => ClassReference, options: ArgOptions = {}) {
  return createParameterDecorator(({ args }) => args[name], {
    arg: { name, typeFunc: type, options: { ...options, validate: false } },
  });
}
