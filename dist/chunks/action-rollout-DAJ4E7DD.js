import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-5NEJCJWE.js";
import "./chunk-E33JMYOG.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  StateNamespaceMissingError,
  checkStateNamespace,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
