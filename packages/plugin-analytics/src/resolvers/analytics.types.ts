import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '@kontra/core';

@ObjectType('BasketItem', { simpleResolvers: true, description: 'A product bought in one month by one customer' })
export class BasketItemType {
  @Field(() => ID) productId!: string;
  @Field() sku!: string;
  @Field() productName!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => DecimalScalar) spend!: string;
  @Field() currency!: string;
}

@ObjectType('MonthlyBasket', { simpleResolvers: true, description: 'What one customer bought in one month' })
export class MonthlyBasketType {
  @Field({ description: 'YYYY-MM, in the period’s time zone' }) month!: string;
  @Field(() => ID) counterpartyId!: string;
  @Field(() => Int) orders!: number;
  @Field(() => [BasketItemType]) items!: BasketItemType[];
}

@ObjectType('TypicalBasketItem', {
  simpleResolvers: true,
  description: 'How often a product is in a customer’s month of buying, across the customers asked about',
})
export class TypicalBasketItemType {
  @Field(() => ID) productId!: string;
  @Field() sku!: string;
  @Field() productName!: string;
  @Field(() => Int, { description: 'Customer-months with this product' }) customerMonths!: number;
  @Field(() => Float, { description: 'Share of all customer-months with a purchase, 0 to 1' }) share!: number;
  @Field(() => DecimalScalar, { description: 'Average quantity in a customer-month that has it' })
  averageQuantity!: string;

  @Field(() => Int, { description: 'Customers who bought it in the period' }) customers!: number;
}

@ObjectType('TypicalMonthlyBasket', { simpleResolvers: true })
export class TypicalMonthlyBasketType {
  @Field({ description: 'Everything committed before this time is in the answer' }) asOf!: Date;
  @Field(() => Int, { description: 'Customer-months with at least one purchase' }) customerMonths!: number;
  @Field(() => Int) customers!: number;
  @Field(() => [TypicalBasketItemType], { description: 'Most frequent first' }) items!: TypicalBasketItemType[];
}

@ObjectType('ContactWithoutPurchase', {
  simpleResolvers: true,
  description: 'A customer who contacted us in the period and bought nothing',
})
export class ContactWithoutPurchaseType {
  @Field(() => ID) counterpartyId!: string;
  @Field(() => Int, { description: 'Inbound interactions in the period' }) contacts!: number;
  @Field() lastContactAt!: Date;
  @Field(() => [ID], { description: 'The interactions, to drill down' }) interactionIds!: string[];
}

@ObjectType('OrderValueMonth', { simpleResolvers: true, description: 'Average order value in one month' })
export class OrderValueMonthType {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field() currency!: string;
  @Field(() => Int) orders!: number;
  @Field(() => DecimalScalar) revenue!: string;
  @Field(() => DecimalScalar) averageOrderValue!: string;
  @Field(() => Float, { nullable: true, description: 'Change of the average against the month before, as a share' })
  changeFromPreviousMonth!: number | null;
}

@ObjectType('OrderValueReport', { simpleResolvers: true })
export class OrderValueReportType {
  @Field({ description: 'Everything committed before this time is in the answer' }) asOf!: Date;
  @Field(() => [OrderValueMonthType]) months!: OrderValueMonthType[];
}

export enum SequenceLevel {
  PRODUCT = 'PRODUCT',
  CATEGORY = 'CATEGORY',
}

registerEnumType(SequenceLevel, { name: 'SequenceLevel' });

@ObjectType('NextPurchase', { simpleResolvers: true, description: 'What customers bought next after A' })
export class NextPurchaseType {
  @Field(() => ID, { description: 'A product id, or a category id at CATEGORY level' }) itemId!: string;
  @Field(() => Int, { description: 'Customers whose next order after A had it' }) customers!: number;
  @Field(() => Float, { description: "Share of A's customers, 0 to 1" }) confidence!: number;
  @Field(() => Float, { description: 'Median days from the A order to that next order' }) medianDays!: number;
}

@ObjectType('PurchaseSequence', { simpleResolvers: true, description: 'Question 2: after buying A, what comes next' })
export class PurchaseSequenceType {
  @Field(() => Date, {
    nullable: true,
    description: 'Everything committed before this time is in the answer; null before the summaries are first built',
  })
  asOf!: Date | null;
  @Field(() => SequenceLevel) level!: SequenceLevel;
  @Field(() => ID) itemId!: string;
  @Field(() => Int, { description: 'Customers who bought A' }) customersOfA!: number;
  @Field(() => Int, { description: 'Of them, those who ordered again after' }) customersWithNextOrder!: number;
  @Field(() => [NextPurchaseType], { description: 'Most customers first' }) next!: NextPurchaseType[];
}

@ObjectType('AudienceMember', { simpleResolvers: true, description: 'A customer to tell about a product, and why' })
export class AudienceMemberType {
  @Field(() => ID) counterpartyId!: string;
  @Field(() => Int, { description: 'Category 1, each product bought together with it 2, each predecessor 3' })
  score!: number;

  @Field({ description: 'Bought another product of its category' }) boughtInCategory!: boolean;
  @Field(() => [ID], { description: 'Products often bought together with it that this customer bought' })
  boughtTogetherProductIds!: string[];

  @Field(() => [ID], { description: 'Products customers bought just before it that this customer bought' })
  boughtPredecessorProductIds!: string[];
}

@ObjectType('ProductAudience', { simpleResolvers: true, description: 'Question 4: who to tell about a product' })
export class ProductAudienceType {
  @Field(() => ID) productId!: string;
  @Field(() => Date, {
    nullable: true,
    description: 'Everything committed before this time is in the answer; null before the summaries are first built',
  })
  asOf!: Date | null;
  @Field(() => [AudienceMemberType], { description: 'Highest score first' }) customers!: AudienceMemberType[];
}
