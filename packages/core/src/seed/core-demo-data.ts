import type { WriteContext } from '../events/write.js';
import { CounterpartyKind, CounterpartyRole } from '../domain/counterparty/counterparty.enums.js';
import { createCounterparty } from '../domain/counterparty/counterparty.service.js';
import type { CreateCounterpartyInput } from '../domain/counterparty/counterparty.inputs.js';
import { CustomFieldType } from '../domain/custom-field/custom-field-type.enum.js';
import { FieldDefinition } from '../domain/custom-field/field-definition.entity.js';
import { InteractionDirection, InteractionType } from '../domain/interaction/interaction.enums.js';
import { createInteraction } from '../domain/interaction/interaction.service.js';
import type { CreateInteractionInput } from '../domain/interaction/interaction.inputs.js';
import { createRelationship } from '../domain/relationship/relationship.service.js';
import { UserRole } from '../domain/workspace/user-role.enum.js';
import { User } from '../domain/workspace/user.entity.js';
import { Workspace } from '../domain/workspace/workspace.entity.js';
import { pick, weighted, type SeedContext } from './seed-context.js';

const ORGANISATIONS = 120;
const PEOPLE = 180;
const INTERACTIONS = 2_000;
/** Rows per transaction: small enough to report progress often, large enough to be quick. */
const BATCH = 50;
const DAY = 86_400_000;

const NAME_PARTS = [
  'Nord',
  'Blue',
  'Oak',
  'Vector',
  'Harbor',
  'Summit',
  'Pioneer',
  'Atlas',
  'Cedar',
  'Lumen',
  'Orbit',
  'Quarry',
];
const NAME_SUFFIXES = [
  'Foods',
  'Logistics',
  'Bank',
  'Systems',
  'Textiles',
  'Pharma',
  'Energy',
  'Retail',
  'Capital',
  'Motors',
];
const FIRST_NAMES = [
  'Anna',
  'Boris',
  'Chen',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hana',
  'Igor',
  'Julia',
  'Kofi',
  'Lena',
];
const LAST_NAMES = ['Ivanova', 'Smith', 'Novak', 'Kowalski', 'Müller', 'Rossi', 'Tanaka', 'Haddad', 'Petrov', 'Larsen'];
const CITIES = [
  ['Berlin', 'DE'],
  ['Warsaw', 'PL'],
  ['Lyon', 'FR'],
  ['Turin', 'IT'],
  ['Riga', 'LV'],
  ['Porto', 'PT'],
] as const;
const TAGS = ['vip', 'key-account', 'newsletter', 'at-risk', 'partner-program', 'wholesale', 'export'];
const INDUSTRIES = ['retail', 'banking', 'logistics', 'manufacturing', 'healthcare', 'energy'];
const SUBJECTS: Record<InteractionType, string[]> = {
  CALL: ['Follow-up call', 'Price enquiry', 'Delivery question', 'Renewal discussion', 'Complaint about a delay'],
  MEETING: ['Quarterly review', 'Product demo', 'Contract negotiation', 'Site visit'],
  EMAIL: ['Quote sent', 'Invoice question', 'Order confirmation', 'New catalogue'],
  MESSAGE: ['Quick question', 'Meeting moved', 'Thanks for the order'],
  NOTE: ['Prefers calls in the morning', 'Decision maker changed', 'Budget approved for next year'],
  DOCUMENT: ['Signed contract', 'Price list', 'Certificate of incorporation'],
};
/** Calls and e-mails dominate a real history; documents are rare. */
const TYPE_WEIGHTS: [InteractionType, number][] = [
  [InteractionType.CALL, 35],
  [InteractionType.EMAIL, 30],
  [InteractionType.MEETING, 12],
  [InteractionType.MESSAGE, 10],
  [InteractionType.NOTE, 9],
  [InteractionType.DOCUMENT, 4],
];

function someOf<T>(random: () => number, items: readonly T[], max: number): T[] {
  return [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(random, items)))];
}

/** Runs `make` for every item, BATCH items per transaction, reporting progress. */
async function inBatches<T>(
  ctx: SeedContext,
  step: string,
  permission: string,
  items: readonly T[],
  make: (tx: WriteContext, item: T) => Promise<string>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    ids.push(
      ...(await ctx.write(permission, async (tx) => {
        const created: string[] = [];
        for (const item of batch) created.push(await make(tx, item));
        return created;
      })),
    );
    ctx.progress(step, start + batch.length, items.length);
  }
  return ids;
}

async function seedTeamAndFields(ctx: SeedContext): Promise<string[]> {
  return ctx.write('user.manage', async (tx) => {
    const workspace = tx.em.getReference(Workspace, tx.principal.workspaceId);
    const team = [
      ['Maria Manager', UserRole.MANAGER],
      ['Alex Agent', UserRole.AGENT],
      ['Sam Agent', UserRole.AGENT],
      ['Vera Viewer', UserRole.VIEWER],
    ] as const;
    const users = team.map(([name, role]) =>
      Object.assign(new User(), { workspace, name, role, email: `${name.split(' ')[0]!.toLowerCase()}@demo.example` }),
    );
    const fields = [
      { key: 'industry', label: 'Industry', type: CustomFieldType.SELECT, options: INDUSTRIES },
      { key: 'employees', label: 'Employees', type: CustomFieldType.NUMBER, options: [] },
    ].map((f) => Object.assign(new FieldDefinition(), { workspace, ...f }));
    tx.em.persist([...users, ...fields]);
    return [tx.principal.userId, ...users.filter((u) => u.role !== UserRole.VIEWER).map((u) => u.id)];
  });
}

function organisationInput(random: () => number, index: number, owners: string[]): CreateCounterpartyInput {
  const name = `${NAME_PARTS[index % NAME_PARTS.length]} ${NAME_SUFFIXES[Math.floor(index / NAME_PARTS.length) % NAME_SUFFIXES.length]}`;
  const domain = `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  const [city, country] = pick(random, CITIES);
  const roles = weighted(random, [
    [[CounterpartyRole.CUSTOMER], 55],
    [[CounterpartyRole.PROSPECT], 20],
    [[CounterpartyRole.SUPPLIER], 10],
    [[CounterpartyRole.CUSTOMER, CounterpartyRole.SUPPLIER], 8],
    [[CounterpartyRole.BANK], 3],
    [[CounterpartyRole.PARTNER], 4],
  ] as const);
  return {
    kind: CounterpartyKind.ORGANISATION,
    displayName: index >= NAME_PARTS.length * NAME_SUFFIXES.length ? `${name} ${index}` : name,
    legalName: `${name} GmbH`,
    roles: [...roles],
    emails: [{ value: `info@${domain}`, label: 'general', primary: true }],
    phones: [{ value: `+49 30 ${String(1_000_000 + index * 7919).slice(0, 7)}`, label: 'office', primary: true }],
    addresses: [
      { label: 'head office', street: `${index + 1} Market Street`, city, postalCode: String(10_000 + index), country },
    ],
    tags: someOf(random, TAGS, 2),
    ownerId: pick(random, owners),
    birthday: `${1950 + Math.floor(random() * 70)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    contactConsent: random() < 0.7,
    customAttributes: { industry: pick(random, INDUSTRIES), employees: Math.floor(10 + random() * 5000) },
  };
}

function personInput(random: () => number, index: number, owners: string[]): CreateCounterpartyInput {
  const firstName = pick(random, FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  return {
    kind: CounterpartyKind.PERSON,
    firstName,
    lastName,
    roles: [random() < 0.8 ? CounterpartyRole.CUSTOMER : CounterpartyRole.PROSPECT],
    emails: [{ value: `${firstName}.${lastName}.${index}@mail.example`.toLowerCase(), label: 'work', primary: true }],
    tags: someOf(random, TAGS, 1),
    ownerId: pick(random, owners),
    birthday: `${1960 + Math.floor(random() * 40)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    contactConsent: random() < 0.6,
  };
}

function interactionInput(
  random: () => number,
  counterparties: string[],
  users: string[],
  now: number,
): CreateInteractionInput {
  // A skewed pick: a few counterparties have long histories, as in real books of business.
  const counterpartyId = counterparties[Math.floor(counterparties.length * random() ** 2)]!;
  const type = weighted(random, TYPE_WEIGHTS);
  const timed = type === InteractionType.CALL || type === InteractionType.MEETING;
  return {
    counterpartyId,
    type,
    direction:
      type === InteractionType.NOTE
        ? InteractionDirection.INTERNAL
        : random() < 0.45
          ? InteractionDirection.INBOUND
          : InteractionDirection.OUTBOUND,
    occurredAt: new Date(now - Math.floor(random() * 730 * DAY)),
    subject: pick(random, SUBJECTS[type]),
    body: random() < 0.5 ? 'Discussed open points; next step agreed.' : null,
    outcome: timed ? pick(random, ['positive', 'neutral', 'needs follow-up']) : null,
    durationSeconds: timed ? 60 * Math.floor(5 + random() * 55) : null,
    participants: [{ userId: pick(random, users), role: 'OWNER' }],
  };
}

/** The core's demo data: a team, custom fields, organisations, their people, and two years of history. */
export async function seedCoreDemoData(ctx: SeedContext): Promise<void> {
  const { random } = ctx;
  const owners = await seedTeamAndFields(ctx);
  const organisations = await inBatches(
    ctx,
    'organisations',
    'counterparty.write',
    Array.from({ length: ORGANISATIONS }, (_, i) => organisationInput(random, i, owners)),
    async (tx, input) => (await createCounterparty(tx, input)).id,
  );
  const people = await inBatches(
    ctx,
    'people',
    'counterparty.write',
    Array.from({ length: PEOPLE }, (_, i) => personInput(random, i, owners)),
    async (tx, input) => (await createCounterparty(tx, input)).id,
  );
  const links = [
    ...people.map((person) => ({
      fromId: person,
      toId: pick(random, organisations),
      type: 'WORKS_AT',
      title: pick(random, ['Buyer', 'CFO', 'Owner', 'Logistics lead']),
    })),
    ...organisations.slice(0, 25).map((org, i) => ({
      fromId: org,
      toId: organisations[(i * 7 + 3) % organisations.length]!,
      type: 'SUPPLIER_OF',
      title: null,
    })),
  ].filter((link) => link.fromId !== link.toId);
  await inBatches(
    ctx,
    'relationships',
    'relationship.write',
    links,
    async (tx, input) => (await createRelationship(tx, input)).id,
  );
  const counterparties = [...organisations, ...people];
  const now = Date.now();
  await inBatches(
    ctx,
    'interactions',
    'interaction.write',
    Array.from({ length: INTERACTIONS }, () => interactionInput(random, counterparties, owners, now)),
    async (tx, input) => (await createInteraction(tx, input)).id,
  );
  ctx.created.set('users', owners);
  ctx.created.set('organisations', organisations);
  ctx.created.set('people', people);
  ctx.created.set('counterparties', counterparties);
}
