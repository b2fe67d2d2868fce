import { z } from 'zod';
import type { KontraPlugin } from './plugin.js';

/** A start-up problem with the plugin set or its configuration; the message names plugin and key. */
export class PluginLoadError extends Error {
  override readonly name = 'PluginLoadError';
}

export interface ResolvedPlugin {
  plugin: KontraPlugin;
  config: unknown;
}

function rejectDuplicates(plugins: readonly KontraPlugin[]): Map<string, KontraPlugin> {
  const byName = new Map<string, KontraPlugin>();
  for (const plugin of plugins) {
    const previous = byName.get(plugin.name);
    if (previous) {
      throw new PluginLoadError(
        `Plugin name "${plugin.name}" is used twice (versions ${previous.version} and ${plugin.version}); each plugin may be loaded once`,
      );
    }
    byName.set(plugin.name, plugin);
  }
  return byName;
}

/** Orders plugins so that each comes after everything it depends on; listed order breaks ties. */
function dependencyOrder(plugins: readonly KontraPlugin[], byName: Map<string, KontraPlugin>): KontraPlugin[] {
  const ordered: KontraPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: KontraPlugin, path: string[]): void => {
    if (state.get(plugin.name) === 'done') return;
    if (state.get(plugin.name) === 'visiting') {
      throw new PluginLoadError(`Plugins depend on each other in a cycle: ${[...path, plugin.name].join(' → ')}`);
    }
    state.set(plugin.name, 'visiting');
    for (const dependencyName of plugin.dependsOn ?? []) {
      const dependency = byName.get(dependencyName);
      if (!dependency) {
        throw new PluginLoadError(
          `Plugin "${plugin.name}" depends on "${dependencyName}", which is not loaded; add it to the plugin list`,
        );
      }
      visit(dependency, [...path, plugin.name]);
    }
    for (const optionalName of plugin.optionalDependsOn ?? []) {
      const dependency = byName.get(optionalName);
      if (dependency) visit(dependency, [...path, plugin.name]);
    }
    state.set(plugin.name, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length ? issue.path.join('.') : '(root)';
  return `key "${key}": ${issue.message}`;
}

function validateConfig(plugin: KontraPlugin, raw: unknown): unknown {
  if (!plugin.configSchema) {
    if (raw !== undefined)
      throw new PluginLoadError(`Plugin "${plugin.name}" takes no configuration, but some was given`);
    return undefined;
  }
  const result = plugin.configSchema.safeParse(raw ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(describeIssue).join('; ');
    throw new PluginLoadError(`Plugin "${plugin.name}" has invalid configuration: ${problems}`);
  }
  return result.data;
}

/**
 * Checks a plugin set and puts it in load order: fails fast on a duplicate name, a missing
 * dependency, a dependency cycle, configuration for a plugin that is not loaded, or invalid config.
 */
export function resolvePlugins(
  plugins: readonly KontraPlugin[],
  configs: Readonly<Record<string, unknown>> = {},
): ResolvedPlugin[] {
  const byName = rejectDuplicates(plugins);
  for (const configuredName of Object.keys(configs)) {
    if (!byName.has(configuredName)) {
      throw new PluginLoadError(`Configuration is given for plugin "${configuredName}", which is not loaded`);
    }
  }
  return dependencyOrder(plugins, byName).map((plugin) => ({
    plugin,
    config: validateConfig(plugin, configs[plugin.name]),
  }));
}
