import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '#platform';
import { AccreditationsCsvImportService } from '../csv/accreditations-csv-import.service.js';
import { ImportAccreditationsCsvInput, ImportElmInput } from './dto/import.inputs.js';
import { ElmImportService } from './elm-import.service.js';
import { AccreditationsCsvImportReport, ElmImportReport } from './import-report.js';

@Resolver()
export class ElmImportResolver {
  constructor(
    private readonly elm: ElmImportService,
    private readonly csv: AccreditationsCsvImportService,
  ) {}

  @Mutation(() => ElmImportReport, {
    description:
      'Imports the Accreditation (the accrediting agency, or ADMIN) and LearningOpportunity (the provider, or ADMIN) nodes of an ELM JSON-LD document, record by record, created or updated by ELM id.',
  })
  importElm(@CurrentCaller() caller: Caller, @Args('input') input: ImportElmInput): Promise<ElmImportReport> {
    return this.elm.importDocument(caller, input.document, input.dryRun ?? false);
  }

  @Mutation(() => AccreditationsCsvImportReport, { description: "Imports an agency's decisions from CSV (QUALITY_AGENCY for itself, or ADMIN), row by row." })
  importAccreditationsCsv(@CurrentCaller() caller: Caller, @Args('input') input: ImportAccreditationsCsvInput): Promise<AccreditationsCsvImportReport> {
    return this.csv.importCsv(caller, input.csv, input.dryRun ?? false);
  }
}
