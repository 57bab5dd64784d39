import { Field, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationEntity } from '../organisation.entity.js';

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('OrganisationEdge')
export class OrganisationEdge {
  @Field()
  cursor: string;
  @Field(() => OrganisationEntity)
  node: OrganisationEntity;
}

@ObjectType('OrganisationConnection')
export class OrganisationConnection {
  @Field(() => [OrganisationEdge])
  edges: OrganisationEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int)
  totalCount: number;
}
