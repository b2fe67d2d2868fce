import { PluginLoadError, type KontraPlugin } from '@kontra/core';

function isPlugin(value: unknown): value is KontraPlugin {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KontraPlugin).name === 'string' &&
    typeof (value as KontraPlugin).version === 'string'
  );
}

/** The built-in plugins a server loads unless KONTRA_PLUGINS says otherwise. */
export const DEFAULT_PLUGINS = '@kontra/plugin-sales,@kontra/plugin-support,@kontra/plugin-analytics';

/**
 * Imports the plugin packages named in KONTRA_PLUGINS (comma-separated; empty for the core alone);
 * each exports its plugin as `plugin`.
 */
export async function loadConfiguredPlugins(
  names = process.env.KONTRA_PLUGINS ?? DEFAULT_PLUGINS,
): Promise<KontraPlugin[]> {
  const packages = names
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return Promise.all(
    packages.map(async (packageName) => {
      let module: { plugin?: unknown };
      try {
        module = (await import(packageName)) as { plugin?: unknown };
      } catch (error) {
        throw new PluginLoadError(`Plugin package "${packageName}" cannot be imported: ${(error as Error).message}`);
      }
      if (!isPlugin(module.plugin)) {
        throw new PluginLoadError(`Plugin package "${packageName}" does not export a plugin object named \`plugin\``);
      }
      return module.plugin;
    }),
  );
}
