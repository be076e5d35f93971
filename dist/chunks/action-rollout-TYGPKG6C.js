import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-Q3UN2Y5D.js";
import "./chunk-CRONSN47.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
