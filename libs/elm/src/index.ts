export { ElmModule } from './elm.module.js';
export { ElmImportService } from './import/elm-import.service.js';
export { AccreditationsCsvImportService } from './csv/accreditations-csv-import.service.js';
export { ACCREDITATION_CSV_COLUMNS, ACCREDITATION_CSV_HEADER } from './csv/accreditations-csv.js';
export { ElmImportReport, type ImportRecordReport } from './import/import-report.js';
export { accreditationDocument, opportunityDocument, organisationDocument, specifiedAsQualification } from './export/elm-export.js';
