import type { WriteContext } from '../../events/write.js';
import { badUserInput, type FieldProblem } from '../../graphql/errors.js';
import { changedFields, loadForUpdate, setSoftDeleted, findLive } from '../../data/load-for-update.js';
import { validateCustomAttributes } from '../custom-field/custom-attributes.validator.js';
import { User } from '../workspace/user.entity.js';
import { Workspace } from '../workspace/workspace.entity.js';
import { CounterpartyKind } from './counterparty.enums.js';
import { Counterparty } from './counterparty.entity.js';
import type { CreateCounterpartyInput, UpdateCounterpartyInput } from './counterparty.inputs.js';
import type { CounterpartyType } from './counterparty.type.js';

const TRACKED_FIELDS = [
  'kind',
  'roles',
  'displayName',
  'legalName',
  'firstName',
  'lastName',
  'emails',
  'phones',
  'addresses',
  'tags',
  'ownerId',
  'birthday',
  'contactConsent',
  'customAttributes',
] as const;

type Snapshot = Record<(typeof TRACKED_FIELDS)[number], unknown>;

function snapshot(c: Counterparty): Snapshot {
  return {
    kind: c.kind,
    roles: [...c.roles],
    displayName: c.displayName,
    legalName: c.legalName,
    firstName: c.firstName,
    lastName: c.lastName,
    emails: c.emails,
    phones: c.phones,
    addresses: c.addresses,
    tags: [...c.tags],
    ownerId: c.owner?.id ?? null,
    birthday: c.birthday,
    contactConsent: c.contactConsent,
    customAttributes: c.customAttributes,
  };
}

function searchTextOf(c: Counterparty): string {
  return [c.displayName, c.legalName, c.firstName, c.lastName, ...c.emails.map((e) => e.value)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

async function applyFields(
  tx: WriteContext,
  target: Counterparty,
  input: CreateCounterpartyInput | UpdateCounterpartyInput,
  isNew: boolean,
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (input.roles !== undefined) target.roles = [...new Set(input.roles)];
  if (input.legalName !== undefined) target.legalName = input.legalName;
  if (input.firstName !== undefined) target.firstName = input.firstName;
  if (input.lastName !== undefined) target.lastName = input.lastName;
  if (input.emails !== undefined)
    target.emails = input.emails.map((e) => ({ value: e.value.trim(), label: e.label ?? null, primary: e.primary }));
  if (input.phones !== undefined)
    target.phones = input.phones.map((p) => ({ value: p.value.trim(), label: p.label ?? null, primary: p.primary }));
  if (input.addresses !== undefined) {
    target.addresses = input.addresses.map((a) => ({
      label: a.label ?? null,
      street: a.street ?? null,
      city: a.city ?? null,
      region: a.region ?? null,
      postalCode: a.postalCode ?? null,
      country: a.country ?? null,
    }));
  }
  if (input.tags !== undefined) target.tags = [...new Set(input.tags.map((t) => t.trim()))];
  if (input.birthday !== undefined) target.birthday = input.birthday;
  if (input.contactConsent !== undefined) target.contactConsent = input.contactConsent;
  if (input.ownerId !== undefined) {
    if (input.ownerId === null) target.owner = null;
    else {
      const owner = await findLive(tx, User, input.ownerId);
      if (owner) target.owner = owner;
      else problems.push({ path: 'ownerId', message: 'is not a user of this workspace' });
    }
  }
  if (input.customAttributes !== undefined || isNew) {
    const given = input.customAttributes ?? {};
    problems.push(
      ...(await validateCustomAttributes(tx.em, tx.principal.workspaceId, given, isNew ? 'create' : 'update')),
    );
    target.customAttributes = Object.fromEntries(
      Object.entries({ ...target.customAttributes, ...given }).filter(([, value]) => value !== null),
    );
  }
  const personName = [target.firstName, target.lastName].filter(Boolean).join(' ');
  if (input.displayName !== undefined) target.displayName = input.displayName.trim();
  else if (
    target.kind === CounterpartyKind.PERSON &&
    personName &&
    (!target.displayName || input.firstName !== undefined || input.lastName !== undefined)
  ) {
    target.displayName = personName;
  }
  if (!target.displayName) {
    problems.push({ path: 'displayName', message: 'is required (for a person, give firstName or lastName instead)' });
  }
  if (problems.length) throw badUserInput('The counterparty input is invalid', problems);
  target.searchText = searchTextOf(target);
}

export async function createCounterparty(tx: WriteContext, input: CreateCounterpartyInput): Promise<Counterparty> {
  const counterparty = new Counterparty();
  counterparty.workspace = tx.em.getReference(Workspace, tx.principal.workspaceId);
  counterparty.kind = input.kind;
  counterparty.displayName = '';
  await applyFields(tx, counterparty, input, true);
  tx.em.persist(counterparty);
  tx.emit({
    type: 'counterparty.created',
    entityType: 'Counterparty',
    entityId: counterparty.id,
    counterpartyId: counterparty.id,
    payload: snapshot(counterparty),
  });
  return counterparty;
}

export async function updateCounterparty(tx: WriteContext, input: UpdateCounterpartyInput): Promise<Counterparty> {
  const counterparty = await loadForUpdate(tx, Counterparty, input.id, {
    expectedVersion: input.version,
    label: 'Counterparty',
  });
  const before = snapshot(counterparty);
  await applyFields(tx, counterparty, input, false);
  const changes = changedFields(before, snapshot(counterparty), TRACKED_FIELDS);
  if (Object.keys(changes).length > 0) {
    tx.emit({
      type: 'counterparty.updated',
      entityType: 'Counterparty',
      entityId: counterparty.id,
      counterpartyId: counterparty.id,
      payload: { displayName: counterparty.displayName },
      changes,
    });
  }
  return counterparty;
}

export function setCounterpartyDeleted(tx: WriteContext, id: string, version: number, deleted: boolean) {
  return setSoftDeleted(tx, Counterparty, id, version, deleted, {
    label: 'Counterparty',
    counterpartyIdOf: (c) => c.id,
    payloadOf: (c) => ({ displayName: c.displayName }),
  });
}

/** The read-path shape of a just-written counterparty, without reading it back. */
export function toCounterpartyRow(c: Counterparty): CounterpartyType {
  return {
    id: c.id,
    workspaceId: c.workspace.id,
    kind: c.kind,
    roles: c.roles,
    displayName: c.displayName,
    legalName: c.legalName,
    firstName: c.firstName,
    lastName: c.lastName,
    emails: c.emails,
    phones: c.phones,
    addresses: c.addresses,
    tags: c.tags,
    ownerId: c.owner?.id ?? null,
    birthday: c.birthday,
    contactConsent: c.contactConsent,
    customAttributes: c.customAttributes,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    deletedAt: c.deletedAt,
  };
}
