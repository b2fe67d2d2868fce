import { GraphQLInputObjectType, GraphQLSchema, isInputObjectType, type GraphQLInputFieldConfigMap } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { buildSchema } from 'type-graphql';
import { graphqlTypeName } from './type-names.js';
import { DateTimeScalar } from './scalars.js';
import type { KontraPlugin } from '../kernel/plugin.js';
import type { CounterpartyFilterExtension } from './filter-extension.js';

function inputTypeName(extension: CounterpartyFilterExtension): string {
  const name = graphqlTypeName(extension.type(), 'input');
  if (!name) throw new Error(`Filter field "${extension.field}": its type is not a type-graphql @InputType`);
  return name;
}

/** Adds the plugins' fields to `CounterpartyFilter` (type-graphql input types cannot be extended). */
function extendCounterpartyFilter(schema: GraphQLSchema, extensions: readonly CounterpartyFilterExtension[]) {
  if (extensions.length === 0) return schema;
  return mapSchema(schema, {
    [MapperKind.INPUT_OBJECT_TYPE]: (type) => {
      if (type.name !== 'CounterpartyFilter') return type;
      const config = type.toConfig();
      const added: GraphQLInputFieldConfigMap = {};
      for (const extension of extensions) {
        if (config.fields[extension.field]) {
          throw new Error(`Filter field "${extension.field}" is defined twice on CounterpartyFilter`);
        }
        const fieldType = schema.getType(inputTypeName(extension));
        if (!isInputObjectType(fieldType)) throw new Error(`Filter field "${extension.field}" has no input type`);
        added[extension.field] = { type: fieldType, description: extension.description };
      }
      return new GraphQLInputObjectType({ ...config, fields: { ...config.fields, ...added } });
    },
  });
}

/** Builds the GraphQL schema from exactly the resolvers and types the loaded plugins hand over. */
export async function buildKontraSchema(plugins: readonly KontraPlugin[]): Promise<GraphQLSchema> {
  const extensions = plugins.flatMap((p) => p.counterpartyFilters ?? []);
  const loaded = new Set(plugins.map((p) => p.name));
  const resolvers = plugins.flatMap((p) => [
    ...(p.resolvers ?? []),
    ...Object.entries(p.resolversWith ?? {}).flatMap(([name, list]) => (loaded.has(name) ? list : [])),
  ]);
  const orphanedTypes = [
    ...plugins.flatMap((p) => p.orphanedTypes ?? []),
    ...plugins.flatMap((p) => p.timelineSources ?? []).map((s) => s.type()),
    ...extensions.map((e) => e.type()),
  ];
  const schema = await buildSchema({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    // Subscriptions stream from the event log through their own `subscribe` functions; type-graphql
    // insists on a PubSub all the same, so it gets one that refuses topic-based use.
    pubSub: {
      publish: () => {
        throw new Error('Publish domain events through write(), not through a PubSub');
      },
      subscribe: () => {
        throw new Error('Give @Subscription a `subscribe` function over the event stream, not topics');
      },
    },
  });
  return extendCounterpartyFilter(schema, extensions);
}
