import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { corePlugin, definePlugin, PluginLoadError, resolvePlugins } from '@kontra/core';

const plugin = (name: string, dependsOn: string[] = []) => definePlugin({ name, version: '1.0.0', dependsOn });

describe('resolvePlugins', () => {
  it('orders plugins after their dependencies, keeping listed order otherwise', () => {
    const order = resolvePlugins([
      corePlugin,
      plugin('analytics', ['sales', 'support']),
      plugin('sales'),
      plugin('support'),
    ]);
    expect(order.map((r) => r.plugin.name)).toEqual(['core', 'sales', 'support', 'analytics']);
  });

  it('fails fast on a missing dependency, naming both plugins', () => {
    expect(() => resolvePlugins([plugin('analytics', ['sales'])])).toThrow(
      new PluginLoadError('Plugin "analytics" depends on "sales", which is not loaded; add it to the plugin list'),
    );
  });

  it('fails fast on a duplicate name', () => {
    expect(() => resolvePlugins([plugin('sales'), plugin('sales')])).toThrow(/Plugin name "sales" is used twice/);
  });

  it('fails fast on a dependency cycle, showing it', () => {
    expect(() => resolvePlugins([plugin('a', ['b']), plugin('b', ['a'])])).toThrow(/cycle: a → b → a/);
  });

  it('validates configuration and names the plugin and key', () => {
    const configured = definePlugin({
      name: 'loyalty',
      version: '1.0.0',
      configSchema: z.object({ pointsPerEuro: z.number().positive() }),
    });
    expect(() => resolvePlugins([configured], { loyalty: { pointsPerEuro: 'ten' } })).toThrow(
      /Plugin "loyalty" has invalid configuration: key "pointsPerEuro"/,
    );
    expect(resolvePlugins([configured], { loyalty: { pointsPerEuro: 2 } })[0]!.config).toEqual({ pointsPerEuro: 2 });
  });

  it('refuses configuration for a plugin that is not loaded', () => {
    expect(() => resolvePlugins([corePlugin], { salse: {} })).toThrow(/plugin "salse", which is not loaded/);
  });
});
