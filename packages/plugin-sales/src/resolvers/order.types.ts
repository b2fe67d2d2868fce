import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, ValidateNested } from 'class-validator';
import { DecimalScalar } from '@kontra/core';
import { OrderStatus } from '../entities/sales.enums.js';

@ObjectType('Order', { simpleResolvers: true, description: 'A purchase by a counterparty' })
export class OrderType {
  @Field(() => ID) id!: string;
  counterpartyId!: string;
  dealId!: string | null;
  @Field() placedAt!: Date;
  @Field(() => OrderStatus) status!: OrderStatus;
  @Field() currency!: string;
  @Field(() => DecimalScalar, { description: 'Lines before discounts' }) subtotal!: string;
  @Field(() => DecimalScalar) discountTotal!: string;
  @Field(() => DecimalScalar, { description: 'Sum of the line totals' }) total!: string;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('OrderLine', { simpleResolvers: true })
export class OrderLineType {
  @Field(() => ID) id!: string;
  orderId!: string;
  productId!: string;
  @Field(() => Int) position!: number;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => DecimalScalar, { description: 'The price when ordered' }) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => DecimalScalar) lineTotal!: string;
}

@ObjectType('MoneyAmount', { simpleResolvers: true })
export class MoneyAmountType {
  @Field() currency!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@InputType({ description: 'A product on an order or deal' })
export class ProductLineInput {
  @Field(() => ID) productId!: string;
  @Field(() => DecimalScalar, { description: 'Up to 3 decimals, more than 0' }) quantity!: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Defaults to the product's current list price" })
  unitPrice?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '0 to 100' }) discountPercent?: string | null;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => ID) counterpartyId!: string;
  @Field({ nullable: true, description: 'Defaults to now' }) placedAt?: Date;
  @Field({ nullable: true, description: "Defaults to the lines' products' currency" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code' })
  currency?: string;
  @Field(() => ID, { nullable: true }) dealId?: string | null;

  @Field(() => [ProductLineInput])
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  lines!: ProductLineInput[];
}
