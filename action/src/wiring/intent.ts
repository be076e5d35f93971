/** The intent read from a directory of the disk, for the front doors that take a path: the library and the Pulumi program. */
export { loadIntentFromDir } from "../adapters/files/intent.js";
