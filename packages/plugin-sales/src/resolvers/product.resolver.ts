import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  connectionType,
  isId,
  pageWindow,
  requirePrincipal,
  write,
  type RequestContext,
} from '@kontra/core';
import { createCategory, createProduct, toProductRow, updateProduct } from '../services/product.service.js';
import { listCategories, listProducts, priceHistoryByProduct, productById } from '../services/sales.queries.js';
import { CreateProductCategoryInput, CreateProductInput, UpdateProductInput } from './inputs/product.inputs.js';
import { ProductCategoryType, ProductPriceType, ProductType } from './sales.types.js';

export const ProductConnection = connectionType<ProductType>(ProductType, 'Product');

@ArgsType()
class ProductsArgs extends ConnectionArgs {
  @Field({ nullable: true }) active?: boolean;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field({ nullable: true, description: 'Text in name or SKU' }) search?: string;
}

@Resolver(() => ProductType)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'Products and services by name' })
  products(@Args({ validate: false }) args: ProductsArgs, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listProducts(ctx, {
      active: args.active ?? null,
      categoryId: args.categoryId && isId(args.categoryId) ? args.categoryId : null,
      search: args.search ?? null,
      window: pageWindow(args),
    });
  }

  @Query(() => ProductType, { nullable: true })
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return isId(id) ? ctx.loader(productById).load(id) : null;
  }

  @Query(() => [ProductCategoryType], { description: 'The category tree, as a flat list with parent ids' })
  productCategories(@Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listCategories(ctx);
  }

  @FieldResolver(() => [ProductPriceType], { description: 'List prices over time, newest first' })
  priceHistory(@Root() product: ProductType, @Ctx() ctx: RequestContext) {
    return ctx.loader(priceHistoryByProduct).load(product.id);
  }

  @Mutation(() => ProductCategoryType)
  async createProductCategory(@Arg('input') input: CreateProductCategoryInput, @Ctx() ctx: RequestContext) {
    const category = await write(ctx, 'sales.catalog.manage', (tx) => createCategory(tx, input));
    return { id: category.id, name: category.name, parentId: category.parent?.id ?? null, version: category.version };
  }

  @Mutation(() => ProductType)
  async createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: RequestContext) {
    const { defaultCurrency } = ctx.runtime.config('sales');
    return toProductRow(await write(ctx, 'sales.catalog.manage', (tx) => createProduct(tx, input, defaultCurrency)));
  }

  @Mutation(() => ProductType, { description: 'A changed price starts a new period in the price history' })
  async updateProduct(@Arg('input') input: UpdateProductInput, @Ctx() ctx: RequestContext) {
    return toProductRow(await write(ctx, 'sales.catalog.manage', (tx) => updateProduct(tx, input)));
  }
}
