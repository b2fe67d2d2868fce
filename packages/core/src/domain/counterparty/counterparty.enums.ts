import { registerEnumType } from 'type-graphql';

export enum CounterpartyKind {
  ORGANISATION = 'ORGANISATION',
  PERSON = 'PERSON',
}

/** The ways a business deals with a counterparty; one counterparty may hold several at once. */
export enum CounterpartyRole {
  CUSTOMER = 'CUSTOMER',
  PROSPECT = 'PROSPECT',
  SUPPLIER = 'SUPPLIER',
  BANK = 'BANK',
  PARTNER = 'PARTNER',
  OTHER = 'OTHER',
}

registerEnumType(CounterpartyKind, { name: 'CounterpartyKind' });
registerEnumType(CounterpartyRole, { name: 'CounterpartyRole' });
