import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  DateScalar,
  isId,
  pageWindow,
  requirePrincipal,
  write,
  type RequestContext,
} from '@kontra/core';
import { createPipeline, reorderStages, updateStage } from '../services/pipeline.service.js';
import {
  dealPageByParent,
  listPipelines,
  pipelineById,
  pipelineForecast,
  stagesByPipeline,
} from '../services/sales.queries.js';
import { DealConnection } from './deal.resolver.js';
import { CreatePipelineInput, UpdateStageInput } from './inputs/pipeline.inputs.js';
import { ForecastMonthType, PipelineType, StageType } from './sales.types.js';

@Resolver(() => PipelineType)
export class PipelineResolver {
  @Query(() => [PipelineType])
  pipelines(@Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listPipelines(ctx);
  }

  @Query(() => PipelineType, { nullable: true, description: 'A pipeline; its stages with their deals make the board' })
  pipeline(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return isId(id) ? ctx.loader(pipelineById).load(id) : null;
  }

  @FieldResolver(() => [StageType], { description: 'In board order' })
  stages(@Root() pipeline: PipelineType, @Ctx() ctx: RequestContext) {
    return ctx.loader(stagesByPipeline).load(pipeline.id);
  }

  @FieldResolver(() => [ForecastMonthType], {
    description: 'Open deals by expected close month: amount and amount × stage probability',
  })
  forecast(
    @Root() pipeline: PipelineType,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext,
  ) {
    return pipelineForecast(ctx, pipeline.id, from, to);
  }

  @Mutation(() => PipelineType)
  async createPipeline(@Arg('input') input: CreatePipelineInput, @Ctx() ctx: RequestContext) {
    const pipeline = await write(ctx, 'sales.pipeline.manage', (tx) => createPipeline(tx, input));
    return { id: pipeline.id, name: pipeline.name, version: pipeline.version };
  }

  @Mutation(() => PipelineType, { description: 'Puts the stages in this order; deals stay in their stages' })
  async reorderStages(
    @Arg('pipelineId', () => ID) pipelineId: string,
    @Arg('stageIds', () => [ID]) stageIds: string[],
    @Ctx() ctx: RequestContext,
  ) {
    const pipeline = await write(ctx, 'sales.pipeline.manage', (tx) => reorderStages(tx, pipelineId, stageIds));
    return { id: pipeline.id, name: pipeline.name, version: pipeline.version };
  }

  @Mutation(() => StageType)
  async updateStage(@Arg('input') input: UpdateStageInput, @Ctx() ctx: RequestContext) {
    const stage = await write(ctx, 'sales.pipeline.manage', (tx) => updateStage(tx, input));
    return {
      id: stage.id,
      pipelineId: stage.pipeline.id,
      name: stage.name,
      position: stage.position,
      probability: stage.probability,
      kind: stage.kind,
      version: stage.version,
    };
  }
}

/** `Stage.deals`: a board column. */
@Resolver(() => StageType)
export class StageDealsResolver {
  @FieldResolver(() => DealConnection, { description: 'Deals in this stage, newest first' })
  deals(@Root() stage: StageType, @Args({ validate: false }) args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const window = pageWindow(args);
    return ctx
      .loader(dealPageByParent)
      .load({ parentId: stage.id, parent: 'stage', window, argsKey: JSON.stringify(['stage', window]) });
  }
}
