import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { counterpartyById, CounterpartyType, requirePrincipal, type RequestContext } from '@kontra/core';
import { rfmCustomers, rfmReport } from '../services/rfm.queries.js';
import { checkedCurrency, within } from './arguments.js';
import { RfmCustomerType, RfmReportType, RfmSegmentName } from './rfm.types.js';

/** RFM from the customer summaries the refresh job keeps (fresh within seconds; see `asOf`). */
@Resolver()
export class RfmResolver {
  @Query(() => RfmReportType, { description: 'Customers of one currency by RFM segment, with the summaries’ asOf' })
  rfm(@Arg('currency', { defaultValue: 'EUR' }) currency: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return rfmReport(ctx, checkedCurrency(currency));
  }

  @Query(() => [RfmCustomerType], { description: 'Customers with their RFM quintiles and segment, best first' })
  rfmCustomers(
    @Arg('currency', { defaultValue: 'EUR' }) currency: string,
    @Arg('segment', () => RfmSegmentName, { nullable: true }) segment: RfmSegmentName | null,
    @Arg('first', () => Int, { defaultValue: 100, description: '1 to 5000' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return rfmCustomers(ctx, checkedCurrency(currency), segment ?? null, within('first', first, 1, 5000));
  }
}

@Resolver(() => RfmCustomerType)
export class RfmCustomerResolver {
  @FieldResolver(() => CounterpartyType, { nullable: true })
  counterparty(@Root() row: RfmCustomerType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(row.counterpartyId);
  }
}
