import { readFile } from 'node:fs/promises';
import { write, type CliCommand, type CliCommandContext } from '@kontra/core';
import { importOrders, importProducts } from '../services/import.service.js';

async function readArguments(ctx: CliCommandContext): Promise<{ slug: string; csv: string }> {
  const [slug, file] = ctx.args;
  if (!slug || !file) throw new Error('Give a workspace slug and a CSV file');
  return { slug, csv: await readFile(file, 'utf8') };
}

/** Imports of any size from files, in one transaction each, with progress; same checks as the API. */
export const importCommands: CliCommand[] = [
  {
    name: 'import-products',
    usage: '<workspace-slug> <file.csv>',
    description: 'create or update products from CSV',
    run: async (ctx) => {
      const { slug, csv } = await readArguments(ctx);
      const request = await ctx.actAs(slug);
      const { defaultCurrency } = ctx.runtime.config('sales');
      const result = await write(request, 'sales.catalog.manage', (tx) =>
        importProducts(tx, csv, defaultCurrency, { maxChars: Infinity, progress: ctx.progress }),
      );
      ctx.print(`${result.created} products created, ${result.updated} updated`);
    },
  },
  {
    name: 'import-orders',
    usage: '<workspace-slug> <file.csv>',
    description: 'place orders from CSV (one row per line)',
    run: async (ctx) => {
      const { slug, csv } = await readArguments(ctx);
      const request = await ctx.actAs(slug);
      const { loyalty } = ctx.runtime.config('sales');
      const result = await write(request, 'sales.order.write', (tx) =>
        importOrders(tx, csv, loyalty, { maxChars: Infinity, progress: ctx.progress }),
      );
      ctx.print(`${result.orders} orders with ${result.lines} lines placed`);
    },
  },
];
