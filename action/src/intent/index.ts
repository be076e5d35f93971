/** The intent: policies/ loaded and validated into the model the rest of the project consumes. */
export * from "./model.js";
export {
  parseIntent,
  parseEnvironments,
  type EnvironmentLoad,
  sortErrors,
  type IntentFile,
  type ParseOptions,
} from "./load.js";
