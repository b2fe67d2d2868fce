import { CounterpartyKind, CounterpartyRole } from './counterparty.enums.js';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '../../data/workspace-scoped.entity.js';
import { User } from '../workspace/user.entity.js';

export interface ContactPoint {
  value: string;
  label: string | null;
  primary: boolean;
}

export interface PostalAddress {
  label: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

/** Anyone the business deals with: an organisation or a person. */
@Entity()
@Index({ properties: ['workspace', 'createdAt', 'id'] })
@Index({ properties: ['workspace', 'displayName', 'id'] })
@Index({ properties: ['workspace', 'owner'] })
@Index({
  name: 'counterparty_roles_gin',
  expression: 'create index "counterparty_roles_gin" on "counterparty" using gin ("workspace_id", "roles")',
})
@Index({
  name: 'counterparty_tags_gin',
  expression: 'create index "counterparty_tags_gin" on "counterparty" using gin ("workspace_id", "tags")',
})
// Few rows: lets a query leave out a workspace's deleted counterparties without scanning the live ones.
@Index({
  name: 'counterparty_deleted_index',
  expression:
    'create index "counterparty_deleted_index" on "counterparty" ("workspace_id", "id") where "deleted_at" is not null',
})
@Index({
  name: 'counterparty_search_trgm',
  expression: 'create index "counterparty_search_trgm" on "counterparty" using gin ("search_text" gin_trgm_ops)',
})
export class Counterparty extends WorkspaceScopedEntity {
  @Enum({ items: () => CounterpartyKind, nativeEnumName: 'counterparty_kind' })
  kind!: CounterpartyKind;

  @Enum({ items: () => CounterpartyRole, array: true, default: [] })
  roles: CounterpartyRole[] = [];

  /** The organisation's name, or the person's full name: what lists sort and show. */
  @Property()
  displayName!: string;

  @Property({ nullable: true })
  legalName: string | null = null;

  @Property({ nullable: true })
  firstName: string | null = null;

  @Property({ nullable: true })
  lastName: string | null = null;

  @Property({ type: 'json', default: '[]' })
  emails: ContactPoint[] = [];

  @Property({ type: 'json', default: '[]' })
  phones: ContactPoint[] = [];

  @Property({ type: 'json', default: '[]' })
  addresses: PostalAddress[] = [];

  @Property({ type: 'text[]', default: [] })
  tags: string[] = [];

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  owner: User | null = null;

  /** A person's birthday, or an organisation's founding date. */
  @Property({ type: 'date', nullable: true })
  birthday: string | null = null;

  @Property({ default: false })
  contactConsent: boolean = false;

  @Property({ type: 'json', default: '{}' })
  customAttributes: Record<string, unknown> = {};

  /** Lower-cased names and e-mail addresses, trigram-indexed for text search. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';
}
