import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LearningOpportunityEntity } from '../../opportunity/opportunity.entity.js';

@ObjectType('OpportunitySearchHit')
export class OpportunitySearchHit {
  @Field(() => LearningOpportunityEntity)
  opportunity: LearningOpportunityEntity;

  @Field({ description: 'The title in the requested locale, else English, else another language.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'The description in the same way.' })
  description: string | null;

  @Field({ description: 'The language `title` is in.' })
  locale: string;

  @Field({ description: 'Whether the provider is accredited at the time of the search.' })
  accreditedNow: boolean;

  @Field(() => Date, { nullable: true })
  startDate: Date | null;

  @Field({ description: 'It starts within the next 30 days (and has not started yet).' })
  startsSoon: boolean;

  @Field(() => Date, { nullable: true, description: 'The last day to apply, when the provider states one.' })
  applicationDeadline: Date | null;
}

@ObjectType('FacetCount')
export class FacetCountType {
  @Field()
  value: string;
  @Field(() => Int)
  count: number;
}

@ObjectType('OpportunityFacets', {
  description:
    "Counts over every match of the query and filters, most frequent first. A group with a selection is counted as if its own selection were off (the other filters hold), so that each count says what choosing that value as well would add.",
})
export class OpportunityFacets {
  @Field(() => [FacetCountType])
  eqfLevel: FacetCountType[];
  @Field(() => [FacetCountType])
  mode: FacetCountType[];
  @Field(() => [FacetCountType])
  language: FacetCountType[];
  @Field(() => [FacetCountType])
  country: FacetCountType[];
  @Field(() => [FacetCountType], { description: 'ISCED-F broad fields (2 digits).' })
  iscedBroad: FacetCountType[];
}

@ObjectType('OpportunitySearchResult')
export class OpportunitySearchResult {
  @Field(() => [OpportunitySearchHit])
  hits: OpportunitySearchHit[];
  @Field(() => Int, { description: 'Exact up to 10,000.' })
  totalHits: number;
  @Field(() => Int)
  page: number;
  @Field(() => Int)
  pageSize: number;
  @Field(() => OpportunityFacets)
  facets: OpportunityFacets;
  @Field(() => Int, { description: "Meilisearch's own time for the query." })
  processingTimeMs: number;
}
