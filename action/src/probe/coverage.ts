/**
 * What a dataplane's way of denying costs a run's evidence, said in the report. Where denials
 * are rejected, a refused check that must stay blocked counts as blocked, but a refusal is
 * also what a port where nothing listens answers: such a check proves the policy only where
 * something listens, since there a dataplane that let the connection through would connect.
 * Where nothing says how denials look, a refusal decides nothing.
 */
import type { CheckResult, ProbePlan } from "./types.js";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function coverageNotes(plan: ProbePlan, results: readonly CheckResult[]): string[] {
  const { cni, denials } = plan.dataplane;
  const refused = results.filter((r) => r.observed.outcome === "refused");
  const notes: string[] = [];
  if (denials === "reject") {
    const blocked = refused.filter((r) => r.check.expect === "blocked");
    const closed = blocked.filter((r) => r.check.listens !== true);
    if (blocked.length > 0) {
      notes.push(
        `${cni} rejects denied connections: ${plural(blocked.length, "check that must stay blocked was", "checks that must stay blocked were")} refused and counted as blocked. ` +
          (closed.length === 0
            ? "Each went to a port where something is declared to listen, where a connection the policies let through would have connected."
            : `${plural(closed.length, "of them goes", "of them go")} to a port where nothing is declared to listen, where a connection the policies let through would have been refused too: there the check shows only that nothing answered.`),
      );
    }
    const unplanned = plan.checks.filter((c) => c.cannotCheck === "no-listener");
    if (unplanned.length > 0) {
      notes.push(
        `${plural(unplanned.length, "declared flow goes", "declared flows go")} to a port where nothing is declared to listen: not checked, since on ${cni} a refusal there cannot tell a denial from a closed port (declare the port on the service, or as a container port).`,
      );
    }
  } else if (denials === "unknown" && refused.length > 0) {
    notes.push(
      `${plural(refused.length, "check was", "checks were")} refused, which decides nothing on the ${cni} profile: a denial or a port where nothing listens. Declare denials: drop or reject for the environment (calico: reject where FelixConfiguration iptablesFilterDenyAction or nftablesFilterDenyAction is Reject).`,
    );
  }
  return notes;
}
