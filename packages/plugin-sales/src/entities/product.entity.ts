import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '@kontra/core';
import { ProductCategory } from './product-category.entity.js';
import { ProductKind } from './sales.enums.js';

/** Something the business sells: a product or a service, with its current list price. */
@Entity({ tableName: 'sales_product' })
@Unique({ properties: ['workspace', 'sku'] })
@Index({ properties: ['workspace', 'category'] })
export class Product extends WorkspaceScopedEntity {
  @Property()
  sku!: string;

  @Property()
  name!: string;

  @Enum({ items: () => ProductKind, nativeEnumName: 'sales_product_kind' })
  kind: ProductKind = ProductKind.PRODUCT;

  @ManyToOne(() => ProductCategory, { nullable: true, deleteRule: 'set null' })
  category: ProductCategory | null = null;

  /** The current list price; earlier prices are kept in ProductPrice. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice!: string;

  @Property({ length: 3 })
  currency!: string;

  @Property({ default: true })
  active: boolean = true;

  @Property({ type: 'date', nullable: true })
  launchDate: string | null = null;

  @Property({ type: 'text[]', default: [] })
  tags: string[] = [];
}
