import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What one sublicensee paid the licensee over a reporting period.' })
@InputType('SublicenseIncomeLineInput', {
  description: 'What one sublicensee paid over the period; one line per sublicensee.',
})
export class SublicenseIncomeLine {
  @Field(() => String, { description: 'The sublicensee’s name.' })
  sublicensee!: string;
  @Field(() => GraphQLSafeInt, { description: 'Income from it, minor units of the contract currency.' })
  incomeMinor!: number;
}

@ObjectType({
  description:
    'One revision of the sublicensing income report for a reporting period. An amendment is a new revision.',
})
export class SublicenseIncomeReport {
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
  @Field(() => [SublicenseIncomeLine], { description: 'Income per sublicensee; none for a zero report.' })
  lines!: SublicenseIncomeLine[];
  @Field(() => GraphQLSafeInt, { description: 'Total sublicensing income of the period, minor units.' })
  incomeMinor!: number;
  @Field(() => Int, { description: 'The licensor’s share, basis points, as the contract states it.' })
  shareBps!: number;
  @Field(() => GraphQLSafeInt, {
    description:
      'The licensor’s share as of this revision: total income × shareBps / 10,000, rounded once, half up, at the minor unit.',
  })
  shareMinor!: number;
  @Field(() => Date, { description: 'When it was submitted.' })
  submittedAt!: Date;
}
