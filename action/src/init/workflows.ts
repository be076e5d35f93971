/**
 * The workflows `netpol-rollout init` writes into a repository: preview, deploy, rollback and
 * drift for the environments its intent declares, in promotion order. Their concurrency and
 * lock rules are the shipped workflows' (README, "Deploy, rollback and drift watch"): a
 * GitHub concurrency group keeps one running and one pending job and cancels the pending one
 * when another is queued, so only each environment's deploys share a group, rollback has
 * none, drift has its own per environment under a GitHub environment `<env>-drift`, nothing
 * cancels a running job, and the environment's run lock (a Lease) keeps the runs apart.
 * Outputs reach `run:` through `env:`, never as expressions inside the script.
 */

export interface WorkflowOptions {
  /** Environment names in promotion order (each a DNS-1123 label). */
  environments: readonly string[];
  /** The policies directory, relative to the repository root, POSIX separators. */
  policiesDir: string;
  /** The Action's `uses:` reference. */
  action: string;
  /** The Action's `state-namespace`. */
  stateNamespace: string;
}

export interface GeneratedWorkflow {
  /** The file name under .github/workflows/. */
  name: string;
  /** The file's text without the header `init` adds (see files.ts). */
  body: string;
}

export const WORKFLOW_NAMES = {
  preview: "netpol-preview.yml",
  deploy: "netpol-deploy.yml",
  rollback: "netpol-rollback.yml",
  drift: "netpol-drift.yml",
} as const;

/** The four workflows, in the order they are written. */
export function generateWorkflows(options: WorkflowOptions): GeneratedWorkflow[] {
  return [
    { name: WORKFLOW_NAMES.preview, body: preview(options) },
    { name: WORKFLOW_NAMES.deploy, body: deploy(options) },
    { name: WORKFLOW_NAMES.rollback, body: rollback(options) },
    { name: WORKFLOW_NAMES.drift, body: drift(options) },
  ];
}

/** A YAML flow sequence of plain scalars (environment names need no quotes). */
function list(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}

function stateNamespaceInput(options: WorkflowOptions, indent: string): string {
  return options.stateNamespace === "netpol-rollout"
    ? ""
    : `${indent}state-namespace: ${options.stateNamespace}\n`;
}

const KUBECONFIG_STEP = `      - name: Kubeconfig
        run: |
          install -m 600 /dev/null "$RUNNER_TEMP/kubeconfig"
          printf '%s' "$KUBECONFIG_DATA" > "$RUNNER_TEMP/kubeconfig"
        env:
          KUBECONFIG_DATA: \${{ secrets.KUBECONFIG }}
`;

const RECORD_KEY =
  "record-key: ${{ secrets.NETPOL_RECORD_KEY }} # authenticates the record kept in the cluster";

function preview(o: WorkflowOptions): string {
  return `# Every pull request that touches the intent gets one sticky comment and a job summary
# with the semantic diff, lint findings and, with a Pulumi backend, the resource diff.
# Forks run without secrets: the semantic part only, and the report says why.
name: netpol preview

on:
  pull_request:
    paths:
      - "${o.policiesDir}/**"

permissions:
  contents: read # the checkout
  pull-requests: write # the sticky comment

# A new push cancels the preview in progress: the newest push's run writes the comment last.
concurrency:
  group: netpol-preview-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the pull request's base commit is compared with
      - uses: actions/setup-node@v4
        with:
          node-version: 24 # the Pulumi program runs on Node.js 22 or later
      - uses: pulumi/actions@v6
      - id: preview
        uses: ${o.action}
        with:
          command: preview
          policies-dir: ${o.policiesDir}
        env:
          PULUMI_ACCESS_TOKEN: \${{ secrets.PULUMI_ACCESS_TOKEN }}
      - name: Outputs
        env:
          CHANGED: \${{ steps.preview.outputs.changed }}
          OPENED: \${{ steps.preview.outputs.flows-added }}
          CLOSED: \${{ steps.preview.outputs.flows-removed }}
        run: echo "changed=$CHANGED opened=$OPENED closed=$CLOSED"
`;
}

function deployJob(o: WorkflowOptions, env: string, previous: string | undefined): string {
  return `  ${env}:
${previous === undefined ? "" : `    needs: ${previous}\n`}    runs-on: ubuntu-latest
    environment: ${env}
    concurrency:
      group: netpol-rollout-deploy-${env}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 24 # the Pulumi program runs on Node.js 22 or later
      - uses: pulumi/actions@v6
${KUBECONFIG_STEP}      - id: deploy
        uses: ${o.action}
        with:
          command: deploy
          environments: ${env}
          policies-dir: ${o.policiesDir}
          kubeconfig: \${{ runner.temp }}/kubeconfig
${stateNamespaceInput(o, "          ")}          ${RECORD_KEY}
        env:
          PULUMI_ACCESS_TOKEN: \${{ secrets.PULUMI_ACCESS_TOKEN }}
      - name: Outputs
        if: always()
        env:
          DEPLOYED: \${{ steps.deploy.outputs.environments-deployed }}
          ROLLED_BACK: \${{ steps.deploy.outputs.rolled-back }}
          REVISION: \${{ steps.deploy.outputs.revision }}
        run: echo "deployed=$DEPLOYED rolled-back=$ROLLED_BACK revision=$REVISION"
`;
}

function deploy(o: WorkflowOptions): string {
  const jobs = o.environments.map((env, i) => deployJob(o, env, o.environments[i - 1]));
  return `# Every push to main that changes the intent deploys each environment in promotion order
# (${o.environments.join(" → ")}), in safe steps proven by probe pods. A failed probe puts the
# environment back on its last-known-good revision, fails the job, and the environments after
# it are not deployed. Each job runs under the GitHub environment of its name: add required
# reviewers there, and keep its KUBECONFIG, NETPOL_RECORD_KEY and PULUMI_ACCESS_TOKEN secrets.
#
# Only deploys share a concurrency group per environment (a newer push may replace a pending
# deploy; a running one is never cancelled). Rollback and drift take the environment's run
# lock in the cluster instead, so none of them can cancel a deploy.
name: netpol deploy

on:
  push:
    branches: [main]
    paths:
      - "${o.policiesDir}/**"

permissions:
  contents: read # the checkout
  pull-requests: write # the short result on the merged pull request

jobs:
${jobs.join("\n")}`;
}

function rollback(o: WorkflowOptions): string {
  return `# Actions → netpol rollback → Run workflow: puts one environment back on an earlier revision
# (last-known-good, a recorded revision, or a git ref), with a deploy's safe steps and probes.
name: netpol rollback

on:
  workflow_dispatch:
    inputs:
      environment:
        description: Environment to roll back
        type: choice
        options: ${list(o.environments)}
        required: true
      target:
        description: last-known-good, a recorded revision (commit prefix, digest or #entry), or a git ref
        type: string
        default: last-known-good
        required: true
      reason:
        description: Why (recorded in the history and the job summary)
        type: string
        required: true

permissions:
  contents: read # the checkout

jobs:
  rollback:
    runs-on: ubuntu-latest
    environment: \${{ inputs.environment }}
    # No concurrency group: GitHub would cancel a pending rollback when another job of the
    # group is queued. The environment's run lock makes it wait for a deploy or drift run.
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # a git ref target must be in the checkout
      - uses: actions/setup-node@v4
        with:
          node-version: 24
      - uses: pulumi/actions@v6
${KUBECONFIG_STEP}      - uses: ${o.action}
        with:
          command: rollback
          environments: \${{ inputs.environment }}
          target: \${{ inputs.target }}
          reason: \${{ inputs.reason }}
          policies-dir: ${o.policiesDir}
          kubeconfig: \${{ runner.temp }}/kubeconfig
${stateNamespaceInput(o, "          ")}          ${RECORD_KEY}
        env:
          PULUMI_ACCESS_TOKEN: \${{ secrets.PULUMI_ACCESS_TOKEN }}
`;
}

function drift(o: WorkflowOptions): string {
  return `# Every few hours: probe what each environment runs and compare it with its record. The step
# fails on drift and the next one opens (or comments on) one issue per environment. It runs
# under the GitHub environment <environment>-drift, without required reviewers, with the
# kubeconfig of the drift identity (no NetworkPolicy writes), and takes the run lock.
name: netpol drift

on:
  schedule:
    - cron: "17 */4 * * *"
  workflow_dispatch:

permissions:
  contents: read # the checkout
  issues: write # the drift issue

jobs:
  drift:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false # one environment's drift must not hide another's
      matrix:
        environment: ${list(o.environments)}
    environment: \${{ matrix.environment }}-drift
    # Its own group: nothing here can cancel a deploy or a rollback.
    concurrency:
      group: netpol-rollout-drift-\${{ matrix.environment }}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
${KUBECONFIG_STEP}      - id: probe
        uses: ${o.action}
        with:
          command: probe
          environments: \${{ matrix.environment }}
          policies-dir: ${o.policiesDir}
          kubeconfig: \${{ runner.temp }}/kubeconfig
${stateNamespaceInput(o, "          ")}          ${RECORD_KEY}
      - name: Open or update the drift issue
        if: failure() && steps.probe.outputs.drift == 'true'
        env:
          GH_TOKEN: \${{ github.token }}
          GH_REPO: \${{ github.repository }}
          ENVIRONMENT: \${{ matrix.environment }}
          RUN_URL: \${{ github.server_url }}/\${{ github.repository }}/actions/runs/\${{ github.run_id }}
        run: |
          title="Network policy drift in $ENVIRONMENT"
          number=$(gh issue list --state open --search "in:title \\"$title\\"" --json number --jq '.[0].number')
          body="Drift found by $RUN_URL: the job summary lists each object changed by hand and the probe result."
          if [ -n "$number" ]; then
            gh issue comment "$number" --body "$body"
          else
            gh issue create --title "$title" --body "$body"
          fi
`;
}
