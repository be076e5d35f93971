import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-BKWCQSBL.js";
import "./chunk-PFFE7ROU.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
