import type { WriteContext } from '../../events/write.js';
import { badUserInput, type FieldProblem } from '../../graphql/errors.js';
import { changedFields, loadForUpdate, findLive } from '../../data/load-for-update.js';
import { Counterparty } from '../counterparty/counterparty.entity.js';
import { Workspace } from '../workspace/workspace.entity.js';
import { Relationship } from './relationship.entity.js';
import type { CreateRelationshipInput, UpdateRelationshipInput } from './relationship.inputs.js';
import type { RelationshipType } from './relationship.type.js';

const TRACKED_FIELDS = ['type', 'title', 'since', 'until'] as const;

function snapshot(r: Relationship) {
  return { type: r.type, title: r.title, since: r.since, until: r.until };
}

function checkPeriod(since: string | null, until: string | null, problems: FieldProblem[]) {
  if (since && until && until < since) problems.push({ path: 'until', message: 'is before since' });
}

async function liveCounterparty(tx: WriteContext, id: string) {
  return findLive(tx, Counterparty, id);
}

export async function createRelationship(tx: WriteContext, input: CreateRelationshipInput): Promise<Relationship> {
  const problems: FieldProblem[] = [];
  const [from, to] = await Promise.all([liveCounterparty(tx, input.fromId), liveCounterparty(tx, input.toId)]);
  if (!from) problems.push({ path: 'fromId', message: 'is not a counterparty of this workspace' });
  if (!to) problems.push({ path: 'toId', message: 'is not a counterparty of this workspace' });
  if (input.fromId === input.toId) problems.push({ path: 'toId', message: 'must differ from fromId' });
  checkPeriod(input.since ?? null, input.until ?? null, problems);
  if (problems.length || !from || !to) throw badUserInput('The relationship input is invalid', problems);
  const relationship = Object.assign(new Relationship(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    from,
    to,
    type: input.type,
    title: input.title ?? null,
    since: input.since ?? null,
    until: input.until ?? null,
  });
  tx.em.persist(relationship);
  tx.emit({
    type: 'relationship.created',
    entityType: 'Relationship',
    entityId: relationship.id,
    counterpartyId: from.id,
    payload: { fromId: from.id, toId: to.id, ...snapshot(relationship) },
  });
  return relationship;
}

export async function updateRelationship(tx: WriteContext, input: UpdateRelationshipInput): Promise<Relationship> {
  const relationship = await loadForUpdate(tx, Relationship, input.id, {
    expectedVersion: input.version,
    label: 'Relationship',
  });
  const before = snapshot(relationship);
  if (input.type != null) relationship.type = input.type;
  if (input.title !== undefined) relationship.title = input.title;
  if (input.since !== undefined) relationship.since = input.since;
  if (input.until !== undefined) relationship.until = input.until;
  const problems: FieldProblem[] = [];
  checkPeriod(relationship.since, relationship.until, problems);
  if (problems.length) throw badUserInput('The relationship input is invalid', problems);
  const changes = changedFields(before, snapshot(relationship), TRACKED_FIELDS);
  if (Object.keys(changes).length) {
    tx.emit({
      type: 'relationship.updated',
      entityType: 'Relationship',
      entityId: relationship.id,
      counterpartyId: relationship.from.id,
      payload: { fromId: relationship.from.id, toId: relationship.to.id },
      changes,
    });
  }
  return relationship;
}

export async function deleteRelationship(tx: WriteContext, id: string, version: number): Promise<Relationship> {
  const relationship = await loadForUpdate(tx, Relationship, id, { expectedVersion: version, label: 'Relationship' });
  relationship.deletedAt = new Date();
  tx.emit({
    type: 'relationship.deleted',
    entityType: 'Relationship',
    entityId: relationship.id,
    counterpartyId: relationship.from.id,
    payload: { fromId: relationship.from.id, toId: relationship.to.id, type: relationship.type },
  });
  return relationship;
}

export function toRelationshipRow(r: Relationship): RelationshipType {
  return {
    id: r.id,
    fromId: r.from.id,
    toId: r.to.id,
    type: r.type,
    title: r.title,
    since: r.since,
    until: r.until,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
