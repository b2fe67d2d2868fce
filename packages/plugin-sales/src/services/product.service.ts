import { badUserInput, findLive, changedFields, loadForUpdate, Workspace, type WriteContext } from '@kontra/core';
import { ProductCategory } from '../entities/product-category.entity.js';
import { ProductPrice } from '../entities/product-price.entity.js';
import { Product } from '../entities/product.entity.js';
import type {
  CreateProductCategoryInput,
  CreateProductInput,
  UpdateProductInput,
} from '../resolvers/inputs/product.inputs.js';
import type { ProductType } from '../resolvers/sales.types.js';
import { money } from './money.js';

const TRACKED = ['name', 'categoryId', 'unitPrice', 'currency', 'active', 'launchDate', 'tags'] as const;

function snapshot(p: Product) {
  return {
    name: p.name,
    categoryId: p.category?.id ?? null,
    unitPrice: p.unitPrice,
    currency: p.currency,
    active: p.active,
    launchDate: p.launchDate,
    tags: [...p.tags],
  };
}

async function categoryOf(tx: WriteContext, id: string | null | undefined, path: string) {
  if (id == null) return null;
  const category = await findLive(tx, ProductCategory, id);
  if (!category)
    throw badUserInput('No such product category', [{ path, message: 'is not a category of this workspace' }]);
  return category;
}

export async function createCategory(tx: WriteContext, input: CreateProductCategoryInput): Promise<ProductCategory> {
  const parent = await categoryOf(tx, input.parentId, 'parentId');
  const taken = await tx.em.findOne(ProductCategory, { workspace: tx.principal.workspaceId, parent, name: input.name });
  if (taken) throw badUserInput('The name is taken', [{ path: 'name', message: 'is already used under this parent' }]);
  const category = Object.assign(new ProductCategory(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    parent,
    name: input.name,
  });
  tx.em.persist(category);
  tx.emit({
    type: 'sales.categoryCreated',
    entityType: 'ProductCategory',
    entityId: category.id,
    payload: { name: input.name },
  });
  return category;
}

function openPrice(product: Product, from: Date): ProductPrice {
  return Object.assign(new ProductPrice(), {
    workspace: product.workspace,
    product,
    unitPrice: product.unitPrice,
    currency: product.currency,
    validFrom: from,
  });
}

export async function createProduct(
  tx: WriteContext,
  input: CreateProductInput,
  defaultCurrency: string,
): Promise<Product> {
  if (await tx.em.findOne(Product, { workspace: tx.principal.workspaceId, sku: input.sku })) {
    throw badUserInput('The SKU is taken', [{ path: 'sku', message: 'is already a product of this workspace' }]);
  }
  const product = Object.assign(new Product(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    sku: input.sku,
    name: input.name,
    kind: input.kind,
    category: await categoryOf(tx, input.categoryId, 'categoryId'),
    unitPrice: money(input.unitPrice, 'unitPrice'),
    currency: input.currency ?? defaultCurrency,
    active: input.active,
    launchDate: input.launchDate ?? null,
    tags: [...new Set(input.tags ?? [])],
  });
  tx.em.persist([product, openPrice(product, new Date())]);
  tx.emit({ type: 'sales.productCreated', entityType: 'Product', entityId: product.id, payload: snapshot(product) });
  return product;
}

export async function updateProduct(tx: WriteContext, input: UpdateProductInput): Promise<Product> {
  const product = await loadForUpdate(tx, Product, input.id, { expectedVersion: input.version, label: 'Product' });
  const before = snapshot(product);
  if (input.name != null) product.name = input.name;
  if (input.categoryId !== undefined) product.category = await categoryOf(tx, input.categoryId, 'categoryId');
  if (input.unitPrice != null) product.unitPrice = money(input.unitPrice, 'unitPrice');
  if (input.currency != null) product.currency = input.currency;
  if (input.active != null) product.active = input.active;
  if (input.launchDate !== undefined) product.launchDate = input.launchDate;
  if (input.tags != null) product.tags = [...new Set(input.tags)];
  const changes = changedFields(before, snapshot(product), TRACKED);
  if (changes.unitPrice || changes.currency) {
    // Close the current price period and open the next; past orders keep the price they had.
    const now = new Date();
    await tx.em.nativeUpdate(ProductPrice, { product: product.id, validTo: null }, { validTo: now });
    tx.em.persist(openPrice(product, now));
  }
  if (Object.keys(changes).length) {
    tx.emit({
      type: 'sales.productUpdated',
      entityType: 'Product',
      entityId: product.id,
      payload: { sku: product.sku },
      changes,
    });
  }
  return product;
}

export function toProductRow(p: Product): ProductType {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    kind: p.kind,
    categoryId: p.category?.id ?? null,
    unitPrice: p.unitPrice,
    currency: p.currency,
    active: p.active,
    launchDate: p.launchDate,
    tags: p.tags,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
