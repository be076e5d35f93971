import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
} from "./chunk-6IUK75GD.js";
import "./chunk-HDCUKTKP.js";
import "./chunk-JYXQAFTB.js";
export {
  RolloutFailedError,
  pullRequestNotifier,
  runActionRollout,
  selectEnvironments
};
