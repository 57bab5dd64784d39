import { Module } from '@nestjs/common';
import { CatalogueModule } from '#catalogue';
import { RegistryModule } from '#registry';
import { AccreditationsCsvImportService } from './csv/accreditations-csv-import.service.js';
import { ElmExportController } from './export/elm-export.controller.js';
import { ElmExportService } from './export/elm-export.service.js';
import { ElmImportResolver } from './import/elm-import.resolver.js';
import { ElmImportService } from './import/elm-import.service.js';
import { RecordImporter } from './import/record-importer.js';

/** The European Learning Model in and out (DESIGN §8.3): exports as JSON-LD, ELM and CSV imports. */
@Module({
  imports: [RegistryModule, CatalogueModule],
  controllers: [ElmExportController],
  providers: [ElmExportService, RecordImporter, ElmImportService, AccreditationsCsvImportService, ElmImportResolver],
  exports: [ElmImportService, AccreditationsCsvImportService],
})
export class ElmModule {}
