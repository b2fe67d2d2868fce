import { registerEnumType } from 'type-graphql';

/** Which end of a relationship the counterparty in question stands at. */
export enum RelationshipDirection {
  /** The counterparty is `from`: Alice WORKS_AT Acme, seen from Alice. */
  OUTGOING = 'OUTGOING',
  /** The counterparty is `to`: Alice WORKS_AT Acme, seen from Acme. */
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}
registerEnumType(RelationshipDirection, { name: 'RelationshipDirection' });
