/** The Action's settings: the inputs and the runner context, parsed once. */
export * from "./types.js";
export { parseSettings } from "./parse.js";
export { readInput } from "./inputs.js";
export { actionPreviewRequest, rolloutActionRequest } from "./requests.js";
