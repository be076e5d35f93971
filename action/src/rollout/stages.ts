/** The rollout stages of a deploy, in the order an environment goes through them. */

/** allow: DNS and service policies only; enforce: also the namespace default-deny. */
export type DeployStage = "allow" | "enforce";

export const DEPLOY_STAGES: readonly DeployStage[] = ["allow", "enforce"];
