import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-JZVVBZ6N.js";
import "./chunk-3NHSWOGT.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
