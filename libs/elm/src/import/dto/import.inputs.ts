import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

/** The body limit for these mutations is 20 MiB (LARGE_BODY_MUTATIONS); the text itself may be as long. */
const MAX_TEXT = 20 * 1024 * 1024;

@InputType()
export class ImportElmInput {
  @Field({ description: 'An ELM JSON-LD document: one node, or a @graph (a Qualification Dataset Register export).' })
  @IsString()
  @MaxLength(MAX_TEXT)
  document: string;

  @Field({ nullable: true, description: 'Check every record and report what would happen, changing nothing.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

@InputType()
export class ImportAccreditationsCsvInput {
  @Field({ description: 'The CSV text, header line first (docs/elm.md lists the columns).' })
  @IsString()
  @MaxLength(MAX_TEXT)
  csv: string;

  @Field({ nullable: true, description: 'Check every row and report what would happen, changing nothing.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
