import type { RequestContext } from './context.js';
import type { KontraRuntime } from './runtime.js';

/** What a plugin's command gets when run from the `kontra` CLI. */
export interface CliCommandContext {
  /** The command line after the command's name. */
  readonly args: readonly string[];
  readonly runtime: KontraRuntime;
  /** A request context acting as the first admin of the workspace with this slug. */
  actAs(workspaceSlug: string): Promise<RequestContext>;
  /** Reports progress of long work, e.g. `progress('orders', 5000, 120000)`. */
  progress(step: string, done: number, total: number): void;
  /** Prints a line of the command's result to standard output. */
  print(line: string): void;
}

/**
 * A command a plugin adds to the CLI, run on a migrated database.
 *
 * @example
 * { name: 'import-orders', usage: '<workspace-slug> <file.csv>', description: 'Import orders from CSV',
 *   run: async (ctx) => { const request = await ctx.actAs(ctx.args[0]!); … } }
 */
export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  run(ctx: CliCommandContext): Promise<void>;
}
