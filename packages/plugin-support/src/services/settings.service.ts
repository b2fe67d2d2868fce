import { badUserInput, findLive, loadForUpdate, Workspace, type WriteContext } from '@kontra/core';
import { BusinessCalendar, SlaPolicy, SupportQueue } from '../entities/settings.entity.js';
import type {
  BusinessCalendarInput,
  SlaPolicyInput,
  SupportQueueInput,
  UpdateBusinessCalendarInput,
  UpdateSlaPolicyInput,
  UpdateSupportQueueInput,
} from '../resolvers/inputs/settings.inputs.js';
import { calendarProblems } from './business-hours.js';

type Settings = SupportQueue | BusinessCalendar | SlaPolicy;
type SettingsLabel = 'SupportQueue' | 'BusinessCalendar' | 'SlaPolicy';

function emitSettingsEvent(tx: WriteContext, label: SettingsLabel, action: string, row: Settings) {
  tx.emit({
    type: `support.${label.charAt(0).toLowerCase()}${label.slice(1)}${action}`,
    entityType: label,
    entityId: row.id,
    payload: { name: row.name },
  });
}

function workspaceOf(tx: WriteContext) {
  return tx.em.getReference(Workspace, tx.principal.workspaceId);
}

export function createQueue(tx: WriteContext, input: SupportQueueInput): SupportQueue {
  const queue = Object.assign(new SupportQueue(), { workspace: workspaceOf(tx), name: input.name });
  tx.em.persist(queue);
  emitSettingsEvent(tx, 'SupportQueue', 'Created', queue);
  return queue;
}

export async function updateQueue(tx: WriteContext, input: UpdateSupportQueueInput): Promise<SupportQueue> {
  const queue = await loadForUpdate(tx, SupportQueue, input.id, {
    expectedVersion: input.version,
    label: 'SupportQueue',
  });
  queue.name = input.name;
  emitSettingsEvent(tx, 'SupportQueue', 'Updated', queue);
  return queue;
}

/** Soft-deletes a queue; its tickets keep their queue id until moved (they no longer list under it). */
export async function deleteQueue(tx: WriteContext, id: string, version: number): Promise<SupportQueue> {
  const queue = await loadForUpdate(tx, SupportQueue, id, { expectedVersion: version, label: 'SupportQueue' });
  queue.deletedAt = new Date();
  emitSettingsEvent(tx, 'SupportQueue', 'Deleted', queue);
  return queue;
}

function checkedCalendar(input: BusinessCalendarInput) {
  const spec = {
    timeZone: input.timeZone,
    workingHours: input.workingHours.map((i) => ({ ...i })),
    holidays: input.holidays,
  };
  const problems = calendarProblems(spec);
  if (problems.length) {
    throw badUserInput(
      'The calendar is invalid',
      problems.map(([path, message]) => ({ path, message })),
    );
  }
  return spec;
}

export function createCalendar(tx: WriteContext, input: BusinessCalendarInput): BusinessCalendar {
  const calendar = Object.assign(new BusinessCalendar(), {
    workspace: workspaceOf(tx),
    name: input.name,
    ...checkedCalendar(input),
  });
  tx.em.persist(calendar);
  emitSettingsEvent(tx, 'BusinessCalendar', 'Created', calendar);
  return calendar;
}

/** Changes a calendar; due times already computed stay, new runs of the clocks use the new hours. */
export async function updateCalendar(tx: WriteContext, input: UpdateBusinessCalendarInput): Promise<BusinessCalendar> {
  const calendar = await loadForUpdate(tx, BusinessCalendar, input.id, {
    expectedVersion: input.version,
    label: 'BusinessCalendar',
  });
  Object.assign(calendar, { name: input.name, ...checkedCalendar(input) });
  emitSettingsEvent(tx, 'BusinessCalendar', 'Updated', calendar);
  return calendar;
}

async function policyFields(tx: WriteContext, input: SlaPolicyInput) {
  const calendar = input.calendarId ? await findLive(tx, BusinessCalendar, input.calendarId) : null;
  if (input.calendarId && !calendar) {
    throw badUserInput('The calendar does not exist', [
      { path: 'calendarId', message: 'is not a calendar of this workspace' },
    ]);
  }
  if (input.resolutionMinutes < input.firstResponseMinutes) {
    throw badUserInput('Resolution cannot be due before the first response', [
      { path: 'resolutionMinutes', message: 'must be at least firstResponseMinutes' },
    ]);
  }
  return {
    name: input.name,
    priority: input.priority,
    tag: input.tag?.trim() || null,
    firstResponseMinutes: input.firstResponseMinutes,
    resolutionMinutes: input.resolutionMinutes,
    calendar,
  };
}

export async function createPolicy(tx: WriteContext, input: SlaPolicyInput): Promise<SlaPolicy> {
  const policy = Object.assign(new SlaPolicy(), { workspace: workspaceOf(tx), ...(await policyFields(tx, input)) });
  tx.em.persist(policy);
  emitSettingsEvent(tx, 'SlaPolicy', 'Created', policy);
  return policy;
}

export async function updatePolicy(tx: WriteContext, input: UpdateSlaPolicyInput): Promise<SlaPolicy> {
  const policy = await loadForUpdate(tx, SlaPolicy, input.id, { expectedVersion: input.version, label: 'SlaPolicy' });
  Object.assign(policy, await policyFields(tx, input));
  emitSettingsEvent(tx, 'SlaPolicy', 'Updated', policy);
  return policy;
}

export async function deletePolicy(tx: WriteContext, id: string, version: number): Promise<SlaPolicy> {
  const policy = await loadForUpdate(tx, SlaPolicy, id, { expectedVersion: version, label: 'SlaPolicy' });
  policy.deletedAt = new Date();
  emitSettingsEvent(tx, 'SlaPolicy', 'Deleted', policy);
  return policy;
}
