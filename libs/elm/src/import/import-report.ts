import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const IMPORT_ACTIONS = ['CREATED', 'UPDATED', 'UNCHANGED', 'REJECTED'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];
export const ImportActionEnum = Object.fromEntries(IMPORT_ACTIONS.map((a) => [a, a])) as { [K in ImportAction]: K };
registerEnumType(ImportActionEnum, {
  name: 'ImportAction',
  description: 'What an import did (or, with dryRun, would do) with one record; a REJECTED record changed nothing.',
});

@ObjectType('ImportProblem')
export class ImportProblem {
  @Field({ description: "Where in the input: a JSON path into the ELM document (`$['@graph'][3].expiryDate`), or a CSV column." })
  path: string;
  @Field()
  message: string;
}

@ObjectType('ImportRecordReport')
export class ImportRecordReport {
  @Field(() => String, { nullable: true, description: "The record's ELM `@id` (null for CSV rows)." })
  elmId: string | null;
  @Field(() => Int, { nullable: true, description: 'The CSV line (1 is the header), for CSV imports.' })
  line: number | null;
  @Field({ description: 'Accreditation or LearningOpportunity.' })
  type: string;
  @Field(() => ImportActionEnum)
  action: ImportAction;
  @Field(() => ID, { nullable: true, description: 'The Tessera id of the record (none when rejected, or created in a dry run).' })
  id: string | null;
  @Field(() => [ImportProblem])
  problems: ImportProblem[];
}

@ObjectType('ElmImportReport')
export class ElmImportReport {
  @Field({ description: 'True when nothing was changed: the actions say what an import would do.' })
  dryRun: boolean;
  @Field(() => [ImportRecordReport], { description: 'One entry per record, in document order.' })
  records: ImportRecordReport[];
  @Field(() => Int)
  created: number;
  @Field(() => Int)
  updated: number;
  @Field(() => Int)
  unchanged: number;
  @Field(() => Int)
  rejected: number;
}

@ObjectType('AccreditationsCsvImportReport')
export class AccreditationsCsvImportReport extends ElmImportReport {}

export function summarise<T extends ElmImportReport>(target: T, dryRun: boolean, records: ImportRecordReport[]): T {
  target.dryRun = dryRun;
  target.records = records;
  target.created = records.filter((r) => r.action === 'CREATED').length;
  target.updated = records.filter((r) => r.action === 'UPDATED').length;
  target.unchanged = records.filter((r) => r.action === 'UNCHANGED').length;
  target.rejected = records.filter((r) => r.action === 'REJECTED').length;
  return target;
}
