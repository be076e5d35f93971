import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-EQL2ZRCS.js";
import "./chunk-WVRDPQLQ.js";
import "./chunk-PTKHH53V.js";
import "./chunk-M3L5V6RZ.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
