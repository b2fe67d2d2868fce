import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildKontraSchema, corePlugin } from '@kontra/core';
import { DEFAULT_PLUGINS, loadConfiguredPlugins } from '@kontra/server';

describe('schema.graphql', () => {
  it('matches the schema the server builds with its default plugins (run `pnpm schema:print` after changing it)', async () => {
    const plugins = await loadConfiguredPlugins(DEFAULT_PLUGINS);
    const running = printSchema(lexicographicSortSchema(await buildKontraSchema([corePlugin, ...plugins])));
    const checkedIn = readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8');
    expect(checkedIn.trim()).toBe(running.trim());
  });
});
