import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-4S2CD6MD.js";
import "./chunk-FTXTB7GI.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
