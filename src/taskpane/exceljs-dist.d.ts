/** The browser build of ExcelJS, loaded lazily by src/host/load-exceljs.ts. */
declare module "exceljs/dist/exceljs.min.js" {
  import ExcelJS from "exceljs";
  export = ExcelJS;
}
