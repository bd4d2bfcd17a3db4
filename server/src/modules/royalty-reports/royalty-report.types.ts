import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Sales of one product in one territory over a reporting period.' })
@InputType('ReportLineInput', {
  description: 'Sales of one product in one territory; net = gross − deductions.',
})
export class ReportLine {
  @Field(() => String, { description: 'The product.' })
  product!: string;
  @Field(() => String, { description: 'The territory.' })
  territory!: string;
  @Field(() => GraphQLSafeInt, { description: 'Gross sales, minor units of the contract currency.' })
  grossSalesMinor!: number;
  @Field(() => GraphQLSafeInt, {
    description: 'Allowed deductions (returns, discounts, taxes), minor units.',
  })
  deductionsMinor!: number;
  @Field(() => GraphQLSafeInt, { description: 'Net sales, minor units.' })
  netSalesMinor!: number;
}

@ObjectType({
  description: 'One revision of the sales report for a reporting period. An amendment is a new revision.',
})
export class RoyaltyReport {
  @Field(() => ID, { description: 'The report id.' })
  id!: string;
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;
  @Field(() => String, { description: 'First day of the period, YYYY-MM-DD.' })
  periodStart!: string;
  @Field(() => String, { description: 'Last day of the period, YYYY-MM-DD.' })
  periodEnd!: string;
  @Field(() => Int, { description: '1 for the first report, 2 for its first amendment, and so on.' })
  revision!: number;
  @Field(() => [ReportLine], { description: 'The lines; none for a zero report.' })
  lines!: ReportLine[];
  @Field(() => GraphQLSafeInt, { description: 'Total net sales.' })
  netSalesMinor!: number;
  @Field(() => GraphQLSafeInt, {
    description: 'The royalty the period owes as of this revision, after tiers and caps.',
  })
  royaltyMinor!: number;
  @Field(() => String, {
    nullable: true,
    description:
      'Set when the platform made this revision because an earlier period’s report (`<period start>:r<revision>`) ' +
      'changed the tier basis or cap room of this one; its lines are unchanged.',
  })
  recomputedAfter!: string | null;
  @Field(() => Date, { description: 'When it was submitted.' })
  submittedAt!: Date;
}
