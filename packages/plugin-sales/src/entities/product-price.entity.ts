import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceOwnedEntity } from '@kontra/core';
import { Product } from './product.entity.js';

/** One list price of a product over a period; a price change closes one period and opens the next. */
@Entity({ tableName: 'sales_product_price' })
@Index({ properties: ['workspace', 'product', 'validFrom'] })
export class ProductPrice extends WorkspaceOwnedEntity {
  @ManyToOne(() => Product, { deleteRule: 'cascade' })
  product!: Product;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice!: string;

  @Property({ length: 3 })
  currency!: string;

  @Property({ type: 'datetime' })
  validFrom!: Date;

  /** Open (null) for the current price. */
  @Property({ type: 'datetime', nullable: true })
  validTo: Date | null = null;
}
