import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-5CSIY57Z.js";
import "./chunk-GEERVIXD.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
