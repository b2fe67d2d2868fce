import { registerEnumType } from 'type-graphql';

export enum ProductKind {
  PRODUCT = 'PRODUCT',
  SERVICE = 'SERVICE',
}

/** What reaching a stage means for a deal. */
export enum StageKind {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}

registerEnumType(ProductKind, { name: 'ProductKind' });
registerEnumType(StageKind, { name: 'StageKind' });
