import { createHash } from 'node:crypto';
import type { WriteContext } from '../../events/write.js';
import { badUserInput, notFound, type FieldProblem } from '../../graphql/errors.js';
import { changedFields, loadForUpdate, setSoftDeleted, findLive } from '../../data/load-for-update.js';
import { isId } from '../../data/ids.js';
import { sql } from '../../data/sql.js';
import { Counterparty } from '../counterparty/counterparty.entity.js';
import { User } from '../workspace/user.entity.js';
import { Workspace } from '../workspace/workspace.entity.js';
import { Attachment } from './attachment.entity.js';
import { InteractionParticipant } from './interaction-participant.entity.js';
import { Interaction } from './interaction.entity.js';
import {
  MAX_ATTACHMENT_BYTES,
  type AttachmentInput,
  type CreateInteractionInput,
  type ParticipantInput,
  type UpdateInteractionInput,
} from './interaction.inputs.js';
import type { AttachmentType, InteractionObjectType } from './interaction.type.js';

const TRACKED_FIELDS = ['type', 'direction', 'occurredAt', 'subject', 'body', 'outcome', 'durationSeconds'] as const;

function snapshot(i: Interaction): Record<(typeof TRACKED_FIELDS)[number], unknown> {
  return {
    type: i.type,
    direction: i.direction,
    occurredAt: i.occurredAt.toISOString(),
    subject: i.subject,
    body: i.body,
    outcome: i.outcome,
    durationSeconds: i.durationSeconds,
  };
}

/** Which of the given ids are live rows of `table` in the caller's workspace. */
async function existingIds(tx: WriteContext, table: 'counterparty' | 'user', ids: string[]): Promise<Set<string>> {
  const valid = ids.filter(isId);
  if (valid.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)}
    where workspace_id = ${tx.principal.workspaceId} and deleted_at is null and id = any(${valid}::uuid[])`.execute(
    tx.em.getKysely(),
  );
  return new Set(rows.map((r) => r.id));
}

async function participantRows(
  tx: WriteContext,
  interaction: Interaction,
  inputs: ParticipantInput[],
): Promise<InteractionParticipant[]> {
  const problems: FieldProblem[] = [];
  const counterparties = await existingIds(
    tx,
    'counterparty',
    inputs.flatMap((p) => p.counterpartyId ?? []),
  );
  const users = await existingIds(
    tx,
    'user',
    inputs.flatMap((p) => p.userId ?? []),
  );
  const rows = inputs.map((input, index) => {
    const path = `participants.${index}`;
    if ((input.counterpartyId == null) === (input.userId == null)) {
      problems.push({ path, message: 'give exactly one of counterpartyId and userId' });
    } else if (input.counterpartyId != null && !counterparties.has(input.counterpartyId)) {
      problems.push({ path: `${path}.counterpartyId`, message: 'is not a counterparty of this workspace' });
    } else if (input.userId != null && !users.has(input.userId)) {
      problems.push({ path: `${path}.userId`, message: 'is not a user of this workspace' });
    }
    return Object.assign(new InteractionParticipant(), {
      workspace: interaction.workspace,
      interaction,
      counterparty: input.counterpartyId ? tx.em.getReference(Counterparty, input.counterpartyId) : null,
      user: input.userId ? tx.em.getReference(User, input.userId) : null,
      role: input.role ?? null,
    });
  });
  if (problems.length) throw badUserInput('The participants are invalid', problems);
  return rows;
}

/**
 * A new attachment of the writer's workspace from its input, checked for size and checksum
 * (`path` names the input in errors). Plugins persist it and link it to their own records.
 */
export function attachmentFrom(tx: WriteContext, input: AttachmentInput, path: string): Attachment {
  const content = Buffer.from(input.contentBase64, 'base64');
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (content.length > MAX_ATTACHMENT_BYTES) {
    throw badUserInput('The attachment is too large', [{ path, message: `is over ${MAX_ATTACHMENT_BYTES} bytes` }]);
  }
  if (input.sha256 && input.sha256 !== sha256) {
    throw badUserInput('The attachment arrived damaged', [
      { path: `${path}.sha256`, message: `does not match the content (its SHA-256 is ${sha256})` },
    ]);
  }
  return Object.assign(new Attachment(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    fileName: input.fileName,
    contentType: input.contentType,
    size: content.length,
    sha256,
    content,
  });
}

function emitAttachmentAdded(tx: WriteContext, interaction: Interaction, attachment: Attachment): void {
  tx.emit({
    type: 'interaction.attachmentAdded',
    entityType: 'Attachment',
    entityId: attachment.id,
    counterpartyId: interaction.counterparty.id,
    payload: {
      interactionId: interaction.id,
      fileName: attachment.fileName,
      size: attachment.size,
      sha256: attachment.sha256,
    },
  });
}

export async function createInteraction(tx: WriteContext, input: CreateInteractionInput): Promise<Interaction> {
  const counterparty = await findLive(tx, Counterparty, input.counterpartyId);
  if (!counterparty) {
    throw badUserInput('The interaction input is invalid', [
      { path: 'counterpartyId', message: 'is not a counterparty of this workspace' },
    ]);
  }
  const interaction = Object.assign(new Interaction(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    counterparty,
    type: input.type,
    direction: input.direction,
    occurredAt: input.occurredAt,
    subject: input.subject ?? null,
    body: input.body ?? null,
    outcome: input.outcome ?? null,
    durationSeconds: input.durationSeconds ?? null,
    createdBy: tx.em.getReference(User, tx.principal.userId),
  });
  tx.em.persist(interaction);
  tx.em.persist(await participantRows(tx, interaction, input.participants ?? []));
  const attachments = (input.attachments ?? []).map((a, index) =>
    Object.assign(attachmentFrom(tx, a, `attachments.${index}`), { interaction }),
  );
  tx.em.persist(attachments);
  tx.emit({
    type: 'interaction.created',
    entityType: 'Interaction',
    entityId: interaction.id,
    counterpartyId: counterparty.id,
    payload: { ...snapshot(interaction), participantCount: input.participants?.length ?? 0 },
  });
  for (const attachment of attachments) emitAttachmentAdded(tx, interaction, attachment);
  return interaction;
}

export async function updateInteraction(tx: WriteContext, input: UpdateInteractionInput): Promise<Interaction> {
  const interaction = await loadForUpdate(tx, Interaction, input.id, {
    expectedVersion: input.version,
    label: 'Interaction',
  });
  const before = snapshot(interaction);
  if (input.type != null) interaction.type = input.type;
  if (input.direction != null) interaction.direction = input.direction;
  if (input.occurredAt != null) interaction.occurredAt = input.occurredAt;
  if (input.subject !== undefined) interaction.subject = input.subject;
  if (input.body !== undefined) interaction.body = input.body;
  if (input.outcome !== undefined) interaction.outcome = input.outcome;
  if (input.durationSeconds !== undefined) interaction.durationSeconds = input.durationSeconds;
  const changes = changedFields(before, snapshot(interaction), TRACKED_FIELDS);
  if (input.participants !== undefined) {
    const replacements = await participantRows(tx, interaction, input.participants);
    await tx.em.nativeDelete(InteractionParticipant, { interaction: interaction.id });
    tx.em.persist(replacements);
    changes.participants = { old: null, new: input.participants };
    // Participants live in their own table; the interaction's version still records the change.
    interaction.updatedAt = new Date();
  }
  if (Object.keys(changes).length) {
    tx.emit({
      type: 'interaction.updated',
      entityType: 'Interaction',
      entityId: interaction.id,
      counterpartyId: interaction.counterparty.id,
      payload: { subject: interaction.subject },
      changes,
    });
  }
  return interaction;
}

export function setInteractionDeleted(tx: WriteContext, id: string, version: number, deleted: boolean) {
  return setSoftDeleted(tx, Interaction, id, version, deleted, {
    label: 'Interaction',
    counterpartyIdOf: (i) => i.counterparty.id,
    payloadOf: (i) => ({ subject: i.subject }),
  });
}

export async function addAttachment(tx: WriteContext, interactionId: string, input: AttachmentInput) {
  const interaction = await loadForUpdate(tx, Interaction, interactionId, { label: 'Interaction' });
  const attachment = Object.assign(attachmentFrom(tx, input, 'input'), { interaction });
  tx.em.persist(attachment);
  emitAttachmentAdded(tx, interaction, attachment);
  return attachment;
}

export async function removeAttachment(tx: WriteContext, id: string): Promise<string> {
  // Attachments a plugin owns (no interaction) are removed through that plugin.
  const attachment = isId(id)
    ? await tx.em.findOne(
        Attachment,
        { id, workspace: tx.principal.workspaceId, interaction: { $ne: null } },
        { populate: ['interaction'] },
      )
    : null;
  if (!attachment?.interaction) throw notFound('Attachment', id);
  const { interaction } = attachment;
  tx.em.remove(attachment);
  tx.emit({
    type: 'interaction.attachmentRemoved',
    entityType: 'Attachment',
    entityId: attachment.id,
    counterpartyId: interaction.counterparty.id,
    payload: { interactionId: interaction.id, fileName: attachment.fileName },
  });
  return id;
}

export function toInteractionRow(i: Interaction): InteractionObjectType {
  return {
    id: i.id,
    counterpartyId: i.counterparty.id,
    type: i.type,
    direction: i.direction,
    occurredAt: i.occurredAt,
    subject: i.subject,
    body: i.body,
    outcome: i.outcome,
    durationSeconds: i.durationSeconds,
    createdById: i.createdBy?.id ?? null,
    version: i.version,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    deletedAt: i.deletedAt,
  };
}

export function toAttachmentRow(a: Attachment): AttachmentType {
  return {
    id: a.id,
    interactionId: a.interaction?.id ?? null,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.createdAt,
  };
}
