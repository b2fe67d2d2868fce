import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { write, type RequestContext } from '@kontra/core';
import { importOrders, importProducts } from '../services/import.service.js';

@ObjectType('ProductImportResult', { simpleResolvers: true })
export class ProductImportResultType {
  @Field(() => Int) created!: number;
  @Field(() => Int, { description: 'Known SKUs whose fields (and price history) were updated' }) updated!: number;
}

@ObjectType('OrderImportResult', { simpleResolvers: true })
export class OrderImportResultType {
  @Field(() => Int) orders!: number;
  @Field(() => Int) lines!: number;
}

/** CSV imports: all rows are checked first; a problem is reported by line and nothing is written. */
@Resolver()
export class ImportResolver {
  @Mutation(() => ProductImportResultType, {
    description:
      'CSV columns: sku, name, unit_price; optional kind, category, currency, active, launch_date, tags (a|b)',
  })
  importProducts(@Arg('csv') csv: string, @Ctx() ctx: RequestContext) {
    const { defaultCurrency } = ctx.runtime.config('sales');
    return write(ctx, 'sales.catalog.manage', (tx) => importProducts(tx, csv, defaultCurrency));
  }

  @Mutation(() => OrderImportResultType, {
    description:
      'CSV columns: order_ref, counterparty_id, sku, quantity; optional placed_at, unit_price, discount_percent, currency. One row per line',
  })
  importOrders(@Arg('csv') csv: string, @Ctx() ctx: RequestContext) {
    const { loyalty } = ctx.runtime.config('sales');
    return write(ctx, 'sales.order.write', (tx) => importOrders(tx, csv, loyalty));
  }
}
