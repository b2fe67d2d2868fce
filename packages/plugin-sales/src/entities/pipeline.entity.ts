import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '@kontra/core';
import { StageKind } from './sales.enums.js';

/** A sales process: an ordered list of stages a deal moves through. */
@Entity({ tableName: 'sales_pipeline' })
export class Pipeline extends WorkspaceScopedEntity {
  @Property()
  name!: string;
}

@Entity({ tableName: 'sales_stage' })
@Index({ properties: ['workspace', 'pipeline', 'position'] })
export class Stage extends WorkspaceScopedEntity {
  @ManyToOne(() => Pipeline, { deleteRule: 'cascade' })
  pipeline!: Pipeline;

  @Property()
  name!: string;

  /** Order within the pipeline, from 0; reordering rewrites positions, never stage ids. */
  @Property()
  position!: number;

  /** Chance of winning a deal in this stage, 0 to 100: the forecast's weight. */
  @Property()
  probability!: number;

  @Enum({ items: () => StageKind, nativeEnumName: 'sales_stage_kind' })
  kind: StageKind = StageKind.OPEN;
}
