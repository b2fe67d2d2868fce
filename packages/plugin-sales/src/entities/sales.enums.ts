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

/** An order's life: placed, then paid and shipped, or cancelled; paid orders may be refunded. */
export enum OrderStatus {
  PLACED = 'PLACED',
  PAID = 'PAID',
  SHIPPED = 'SHIPPED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}

registerEnumType(ProductKind, { name: 'ProductKind' });
registerEnumType(OrderStatus, { name: 'OrderStatus' });
registerEnumType(StageKind, { name: 'StageKind' });
