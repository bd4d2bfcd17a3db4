import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ORGANIZATION_KINDS, ROLES } from '../common/request-context';

/** A string enum's values as the object type-graphql registers. */
export function enumObject<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const RoleEnum = enumObject(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a member may do in an organisation; a member may hold several roles.',
  valuesConfig: {
    TTO_MANAGER: { description: 'Tech-transfer office staff: manages patents, offers and license requests.' },
    SME_MEMBER: { description: 'SME staff: requests and signs licenses, reports sales, pays.' },
    FINANCE: { description: 'Finance staff: sees and reconciles the money.' },
    ADMIN: { description: 'Manages the organisation, its profile and its members.' },
  },
});

export const OrganizationKindEnum = enumObject(ORGANIZATION_KINDS);
registerEnumType(OrganizationKindEnum, {
  name: 'OrganizationKind',
  description: 'What kind of organisation this is.',
  valuesConfig: {
    UNIVERSITY: { description: 'A university, licensing through its tech-transfer office.' },
    RESEARCH_INSTITUTE: { description: 'A research institute, licensing through its tech-transfer office.' },
    SME: { description: 'A small or medium-sized enterprise that licenses technology.' },
    PLATFORM: { description: 'UseFirst itself.' },
  },
});

@ObjectType({ description: 'Where a page of a connection ends, and whether more follows.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` to get the next page; null on an empty page.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'How many results have one value of a facet.' })
export class FacetCount {
  @Field(() => String, { description: 'The value to filter by (an enum value, an id, or a number as text).' })
  value!: string;

  @Field(() => String, {
    description: 'The value in English words, for display when no translation is at hand.',
  })
  label!: string;

  @Field(() => Int, { description: 'How many results have this value.' })
  count!: number;
}
