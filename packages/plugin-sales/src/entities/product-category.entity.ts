import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '@kontra/core';

/** A node of the workspace's product category tree. */
@Entity({ tableName: 'sales_product_category' })
@Unique({ properties: ['workspace', 'parent', 'name'] })
@Index({ properties: ['workspace', 'parent'] })
export class ProductCategory extends WorkspaceScopedEntity {
  @ManyToOne(() => ProductCategory, { nullable: true, deleteRule: 'restrict' })
  parent: ProductCategory | null = null;

  @Property()
  name!: string;
}
