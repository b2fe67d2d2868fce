import { ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceOwnedEntity } from '@kontra/core';
import { Product } from './product.entity.js';

/** A product line priced when it was written: what order lines and deal lines share. */
export abstract class PricedLineEntity extends WorkspaceOwnedEntity {
  @ManyToOne(() => Product, { deleteRule: 'restrict' })
  product!: Product;

  @Property()
  position!: number;

  @Property({ type: 'decimal', precision: 12, scale: 3 })
  quantity!: string;

  /** The price at the time; later price changes do not touch it. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice!: string;

  @Property({ type: 'decimal', precision: 5, scale: 2, default: '0' })
  discountPercent: string = '0.00';

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  lineTotal!: string;
}
