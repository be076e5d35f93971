/**
 * What `init` cannot do itself, as the exact commands to run: the state namespace, each
 * environment's RBAC and admission policy (`netpol-rollout rbac`), a kubeconfig per identity
 * (deploy and rollback; drift), the GitHub environments `<env>` and `<env>-drift`, and their
 * secrets: KUBECONFIG, NETPOL_RECORD_KEY (one key per environment, shared by its deploy and
 * drift environments: drift verifies and refreshes the same record) and PULUMI_ACCESS_TOKEN.
 */
import { rbacObjectName } from "../access/needs.js";

export interface SetupOptions {
  environments: readonly string[];
  stateNamespace: string;
  policiesDir: string;
}

/** A kubeconfig for a ServiceAccount, from a long-lived token Secret and the current context's cluster. */
function kubeconfigCommands(namespace: string, account: string, file: string): string[] {
  return [
    `kubectl -n ${namespace} apply -f - <<'EOF'`,
    "apiVersion: v1",
    "kind: Secret",
    "metadata:",
    `  name: ${account}-token`,
    "  annotations:",
    `    kubernetes.io/service-account.name: ${account}`,
    "type: kubernetes.io/service-account-token",
    "EOF",
    `token=$(kubectl -n ${namespace} get secret ${account}-token -o jsonpath='{.data.token}' | base64 -d)`,
    `kubectl --kubeconfig ${file} config set-cluster cluster --server "$server" --certificate-authority ca.crt --embed-certs`,
    `kubectl --kubeconfig ${file} config set-credentials ${account} --token "$token"`,
    `kubectl --kubeconfig ${file} config set-context default --cluster cluster --user ${account}`,
    `kubectl --kubeconfig ${file} config use-context default`,
  ];
}

/** The commands, as a shell script with comments; run them where kubectl reaches the cluster as an administrator. */
export function setupCommands(o: SetupOptions): string {
  const ns = o.stateNamespace;
  const lines: string[] = [
    "# 1. In the cluster, as an administrator (kubectl's current context; Kubernetes 1.30 or later):",
    "#    the state namespace, then each environment's RBAC and admission policy.",
    `kubectl create namespace ${ns}`,
  ];
  for (const env of o.environments) {
    lines.push(
      `npx netpol-rollout rbac --env ${env} --policies-dir ${o.policiesDir} --state-namespace ${ns} > rbac-${env}.yaml`,
      `kubectl apply -f rbac-${env}.yaml`,
    );
  }
  lines.push(
    "",
    "# 2. A kubeconfig per identity: deploy and rollback, and drift (which writes no NetworkPolicy).",
    `server=$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')`,
    `kubectl config view --minify --raw -o jsonpath='{.clusters[0].cluster.certificate-authority-data}' | base64 -d > ca.crt`,
  );
  for (const env of o.environments) {
    for (const role of ["deploy", "drift"] as const) {
      lines.push(...kubeconfigCommands(ns, rbacObjectName(env, role), `kubeconfig-${env}-${role}`));
    }
  }
  lines.push(
    "",
    "# 3. GitHub (gh in this repository): an environment per deploy (add required reviewers in",
    "#    Settings → Environments) and one per drift watch, without reviewers, for protected",
    "#    branches only; their secrets. The record key authenticates the record in the cluster.",
    "gh secret set PULUMI_ACCESS_TOKEN   # the preview's Pulumi part; it asks for the value",
  );
  for (const env of o.environments) {
    lines.push(
      `gh api -X PUT "repos/{owner}/{repo}/environments/${env}"`,
      `gh api -X PUT "repos/{owner}/{repo}/environments/${env}-drift" -F "deployment_branch_policy[protected_branches]=true" -F "deployment_branch_policy[custom_branch_policies]=false"`,
      `gh secret set KUBECONFIG --env ${env} < kubeconfig-${env}-deploy`,
      `gh secret set KUBECONFIG --env ${env}-drift < kubeconfig-${env}-drift`,
      `key=$(openssl rand -base64 32)`,
      `gh secret set NETPOL_RECORD_KEY --env ${env} --body "$key"`,
      `gh secret set NETPOL_RECORD_KEY --env ${env}-drift --body "$key"`,
      `gh secret set PULUMI_ACCESS_TOKEN --env ${env}   # it asks for the value`,
    );
  }
  lines.push(
    "",
    "# 4. Remove the local copies of the credentials.",
    `rm -f ca.crt ${o.environments.map((e) => `kubeconfig-${e}-deploy kubeconfig-${e}-drift`).join(" ")}`,
    "",
  );
  return lines.join("\n");
}
