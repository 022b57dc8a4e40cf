// The visual builder's pure side: dataset fields for pickers, and the lossless JsonLogic view model.
export { schemaFields, type SchemaField } from "./schemaFields";
