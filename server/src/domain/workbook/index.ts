export * from './sheets';
export { ruleSetToSheets } from './export';
export { sheetsToRuleSet, locateErrors, type WorkbookImport } from './import';
export { sheetsToXlsx, xlsxToSheets, XLSX_TYPE } from './xlsx';
export { toCsv, CSV_TYPE } from './csv';
