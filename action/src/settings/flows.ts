/**
 * `flows` and `flows-detail`: observed traffic for the preview comment's "Real traffic this
 * change would block" and for the deploy's pre-flight. One file or glob per line; `ENVIRONMENT: GLOB` applies to one
 * environment, a bare glob to every environment.
 */
import type { FlowPattern } from "../commands/action-preview.js";
import type { ObservedDetail } from "../flows/observed-preview.js";
import type { Inputs } from "./inputs.js";

export interface FlowSettings {
  flows: FlowPattern[];
  flowsDetail: ObservedDetail;
}

const DETAILS: readonly ObservedDetail[] = ["services", "full"];
const FOR_ENVIRONMENT = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?):\s+(\S.*)$/;

export function parseFlowInputs(inputs: Inputs): FlowSettings {
  const flows: FlowPattern[] = [];
  for (const raw of inputs.text("flows").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = FOR_ENVIRONMENT.exec(line);
    flows.push(m ? { environment: m[1] as string, pattern: m[2] as string } : { pattern: line });
  }
  return { flows, flowsDetail: inputs.oneOf("flows-detail", DETAILS, "services") };
}
