/** The package version (package.json), shown by `netpol-rollout --version` and the Action's log. */
import packageJson from "../../../package.json" with { type: "json" };

export const VERSION: string = packageJson.version;
