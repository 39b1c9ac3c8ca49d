/** Old path of src/sheet/names.ts, kept only for the pane files being moved in this session (issue 10); the coordinator removes it after the merge. */
export { cleanSheetName, uniqueSheetName, uniqueTableName } from "../sheet/names";
