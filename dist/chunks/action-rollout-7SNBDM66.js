import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-6R5KCPNC.js";
import "./chunk-U3FME5T6.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
