import { badUserInput, findLive, isId, loadForUpdate, notFound, Workspace, type WriteContext } from '@kontra/core';
import { Pipeline, Stage } from '../entities/pipeline.entity.js';
import { StageKind } from '../entities/sales.enums.js';
import type { CreatePipelineInput, UpdateStageInput } from '../resolvers/inputs/pipeline.inputs.js';

export async function createPipeline(tx: WriteContext, input: CreatePipelineInput): Promise<Pipeline> {
  const kinds = new Set(input.stages.map((s) => s.kind));
  if (![StageKind.OPEN, StageKind.WON, StageKind.LOST].every((kind) => kinds.has(kind))) {
    throw badUserInput('A pipeline needs open, won and lost stages', [
      { path: 'stages', message: 'must include at least one OPEN, one WON and one LOST stage' },
    ]);
  }
  const workspace = tx.em.getReference(Workspace, tx.principal.workspaceId);
  const pipeline = Object.assign(new Pipeline(), { workspace, name: input.name });
  const stages = input.stages.map((stage, position) =>
    Object.assign(new Stage(), {
      workspace,
      pipeline,
      position,
      name: stage.name,
      probability: stage.probability,
      kind: stage.kind,
    }),
  );
  tx.em.persist([pipeline, ...stages]);
  tx.emit({
    type: 'sales.pipelineCreated',
    entityType: 'Pipeline',
    entityId: pipeline.id,
    payload: { name: pipeline.name, stages: stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind })) },
  });
  return pipeline;
}

export async function updateStage(tx: WriteContext, input: UpdateStageInput): Promise<Stage> {
  const stage = await loadForUpdate(tx, Stage, input.id, { expectedVersion: input.version, label: 'Stage' });
  if (input.name != null) stage.name = input.name;
  if (input.probability != null) stage.probability = input.probability;
  tx.emit({
    type: 'sales.stageUpdated',
    entityType: 'Stage',
    entityId: stage.id,
    payload: { pipelineId: stage.pipeline.id, name: stage.name, probability: stage.probability },
  });
  return stage;
}

/**
 * Puts a pipeline's stages in the given order. Stage ids stay, so deals stay where they are; the
 * pipeline row is locked, so two concurrent reorders queue instead of interleaving.
 */
export async function reorderStages(tx: WriteContext, pipelineId: string, stageIds: string[]): Promise<Pipeline> {
  const pipeline = await loadForUpdate(tx, Pipeline, pipelineId, { label: 'Pipeline' });
  const stages = await tx.em.find(Stage, { pipeline: pipeline.id, deletedAt: null });
  const current = new Set(stages.map((s) => s.id));
  if (
    stageIds.length !== current.size ||
    !stageIds.every((id) => isId(id) && current.has(id)) ||
    new Set(stageIds).size !== stageIds.length
  ) {
    throw badUserInput('Give every stage of the pipeline exactly once', [
      { path: 'stageIds', message: `must list the pipeline's ${current.size} stage ids, each once` },
    ]);
  }
  const byId = new Map(stages.map((s) => [s.id, s]));
  stageIds.forEach((id, position) => (byId.get(id)!.position = position));
  pipeline.updatedAt = new Date();
  tx.emit({ type: 'sales.stagesReordered', entityType: 'Pipeline', entityId: pipeline.id, payload: { stageIds } });
  return pipeline;
}

/** A live stage of the caller's workspace, or NOT_FOUND. */
export async function liveStage(tx: WriteContext, id: string): Promise<Stage> {
  const stage = await findLive(tx, Stage, id);
  if (!stage) throw notFound('Stage', id);
  return stage;
}
