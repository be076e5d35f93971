import { describe, expect, it } from "vitest";
import { runUrl } from "../../action/src/commands/github-run.js";
import {
  actionPreviewRequest,
  parseSettings,
  readInput,
  SettingsError,
} from "../../action/src/settings/index.js";
import { stackName } from "../../action/src/rollout/config.js";
import type { PreviewSettings, SettingsSource } from "../../action/src/settings/index.js";

const PR_EVENT = {
  action: "synchronize",
  number: 42,
  pull_request: {
    number: 42,
    html_url: "https://github.com/acme/netpol/pull/42",
    base: { sha: "b".repeat(40), ref: "main", repo: { full_name: "acme/netpol" } },
    head: { sha: "h".repeat(40), ref: "feature", repo: { full_name: "acme/netpol" } },
  },
};

function source(env: Record<string, string | undefined>, event?: unknown): SettingsSource {
  return {
    env: {
      GITHUB_REPOSITORY: "acme/netpol",
      GITHUB_WORKSPACE: "/work/repo",
      ...(event !== undefined ? { GITHUB_EVENT_PATH: "/event.json" } : {}),
      ...env,
    },
    cwd: "/somewhere",
    tmpdir: "/tmp",
    readFile: (path) => {
      if (path === "/event.json" && event !== undefined) return JSON.stringify(event);
      throw new Error(`ENOENT: no such file, open '${path}'`);
    },
  };
}

/** The settings of the default command, `preview`. */
function previewSettings(src: SettingsSource): PreviewSettings {
  const s = parseSettings(src);
  if (s.command !== "preview") throw new Error(`expected preview settings, got ${s.command}`);
  return s;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error("expected a SettingsError");
}

describe("parseSettings", () => {
  it("applies the documented defaults on a pull request", () => {
    const s = parseSettings(
      source(
        { GITHUB_EVENT_NAME: "pull_request", "INPUT_GITHUB-TOKEN": "ghs_abc", RUNNER_TEMP: "/runner/tmp" },
        PR_EVENT,
      ),
    );
    expect(s).toMatchObject({
      command: "preview",
      policiesDir: "policies",
      workDir: "/work/repo/pulumi",
      workDirGiven: false,
      pulumiProject: "netpol-rollout",
      githubToken: "ghs_abc",
      commentOnPr: true,
      baseRef: "b".repeat(40),
      baseRefSource: "pull request base",
      failOn: "error",
      stackTemplate: "{env}",
      pulumiEngine: "auto",
      runner: { workspace: "/work/repo", temp: "/runner/tmp" },
      github: {
        eventName: "pull_request",
        owner: "acme",
        repo: "netpol",
        apiUrl: "https://api.github.com",
        pullRequest: { number: 42, isFork: false, headSha: "h".repeat(40) },
      },
    });
    expect(s.environments).toBeUndefined();
    expect(s.secrets).toEqual(["ghs_abc"]);
  });

  it("takes the shipped program's project and backend from inputs, the backend input before the environment", () => {
    const s = parseSettings(
      source({
        "INPUT_WORK-DIR": "infra/netpol",
        "INPUT_PULUMI-PROJECT": "acme-netpol",
        "INPUT_PULUMI-BACKEND-URL": "s3://acme-state/netpol",
        PULUMI_BACKEND_URL: "file:///elsewhere",
      }),
    );
    expect(s).toMatchObject({
      workDir: "/work/repo/infra/netpol",
      workDirGiven: true,
      pulumiProject: "acme-netpol",
      pulumi: { backendUrl: "s3://acme-state/netpol" },
    });
    expect(parseSettings(source({ PULUMI_BACKEND_URL: "file:///elsewhere" })).pulumi.backendUrl).toBe(
      "file:///elsewhere",
    );
    expect(
      problemsOf(() =>
        parseSettings(
          source({ "INPUT_PULUMI-PROJECT": "acme netpol", "INPUT_PULUMI-BACKEND-URL": "my-bucket" }),
        ),
      ),
    ).toEqual([
      'pulumi-project: "acme netpol" is not a Pulumi project name (letters, digits, - _ and .)',
      'pulumi-backend-url: "my-bucket" is not a backend URL (https://…, s3://…, gs://…, azblob://…, file://…)',
    ]);
  });

  it("reads inputs the way the runner passes them (dashes kept, upper case)", () => {
    const env = { "INPUT_GITHUB-TOKEN": " t ", INPUT_GITHUB_TOKEN: "wrong", "INPUT_FAIL-ON": "never" };
    expect(readInput(env, "github-token")).toBe("t");
    expect(readInput(env, "fail-on")).toBe("never");
  });

  it("parses comma and newline separated environments, dropping blanks and duplicates", () => {
    const s = parseSettings(source({ INPUT_ENVIRONMENTS: "staging, production\n\nstaging\n" }));
    expect(s.environments).toEqual(["staging", "production"]);
  });

  it("an explicit base-ref wins over the event", () => {
    const s = previewSettings(
      source({ "INPUT_BASE-REF": "origin/main", "INPUT_GITHUB-TOKEN": "t" }, PR_EVENT),
    );
    expect(s.baseRef).toBe("origin/main");
    expect(s.baseRefSource).toBe("input");
  });

  it("a push compares with the commit before the push, except for a new branch", () => {
    const push = previewSettings(source({ GITHUB_EVENT_NAME: "push" }, { before: "a".repeat(40) }));
    expect(push.baseRef).toBe("a".repeat(40));
    const newBranch = previewSettings(source({ GITHUB_EVENT_NAME: "push" }, { before: "0".repeat(40) }));
    expect(newBranch.baseRef).toBeUndefined();
  });

  it("detects a pull request from a fork, and a deleted fork", () => {
    const fork = structuredClone(PR_EVENT);
    fork.pull_request.head.repo.full_name = "mallory/netpol";
    expect(parseSettings(source({}, fork)).github.pullRequest?.isFork).toBe(true);
    const deleted = structuredClone(PR_EVENT) as unknown as { pull_request: { head: { repo: null } } };
    deleted.pull_request.head.repo = null;
    expect(parseSettings(source({}, deleted)).github.pullRequest?.isFork).toBe(true);
  });

  it("a fork needs no token, since no comment is attempted", () => {
    const fork = structuredClone(PR_EVENT);
    fork.pull_request.head.repo.full_name = "mallory/netpol";
    expect(() => parseSettings(source({ "INPUT_GITHUB-TOKEN": "" }, fork))).not.toThrow();
  });

  it("reports every invalid input at once", () => {
    const problems = problemsOf(() =>
      parseSettings(
        source(
          {
            INPUT_COMMAND: "deploi",
            "INPUT_FAIL-ON": "warnings",
            "INPUT_COMMENT-ON-PR": "yes",
            "INPUT_PULUMI-ENGINE": "on",
            "INPUT_STACK-TEMPLATE": "prod",
            "INPUT_POLICIES-DIR": "../elsewhere",
            "INPUT_BASE-REF": "--upload-pack=x",
            INPUT_ENVIRONMENTS: "dev, bad name",
          },
          PR_EVENT,
        ),
      ),
    );
    expect(problems).toEqual([
      'command: "deploi" is not one of preview, deploy, rollback, probe, drift',
      'fail-on: "warnings" is not one of error, warning, never',
      'pulumi-engine: "on" is not one of auto, off',
      'comment-on-pr: "yes" is not a boolean (true or false)',
      'environments: "bad name" is not an environment name',
      'policies-dir: "../elsewhere" is outside the repository (/work/repo)',
      'stack-template: "prod" does not contain {env}; every environment would share one stack',
      'base-ref: "--upload-pack=x" is not a git revision',
      "github-token: empty, but the pull request comment needs a token (pass ${{ github.token }} or set comment-on-pr: false)",
    ]);
  });

  it("rejects a stack template that cannot name a stack", () => {
    expect(problemsOf(() => parseSettings(source({ "INPUT_STACK-TEMPLATE": "a b {env}" })))).toHaveLength(1);
    const s = parseSettings(source({ "INPUT_STACK-TEMPLATE": "acme/netpol/{env}" }));
    expect(stackName(s.stackTemplate, "production")).toBe("acme/netpol/production");
  });

  it("an unreadable event payload is an input problem, not a crash", () => {
    const problems = problemsOf(() =>
      parseSettings({ ...source({ GITHUB_EVENT_PATH: "/missing.json" }), readFile: () => "{not json" }),
    );
    expect(problems[0]).toMatch(/^GITHUB_EVENT_PATH: cannot read the event payload \/missing.json: /);
  });

  it("keeps Pulumi credentials as secrets to mask, not as settings", () => {
    const s = parseSettings(
      source({ PULUMI_ACCESS_TOKEN: "pul-123", PULUMI_CONFIG_PASSPHRASE: "hunter2", PATH: "/usr/bin" }),
    );
    expect(s.pulumi).toMatchObject({ path: "/usr/bin", accessTokenSet: true, vars: {} });
    expect(s.secrets).toEqual(["pul-123", "hunter2"]);
    const { secrets, ...rest } = s;
    expect(secrets).toHaveLength(2);
    expect(JSON.stringify(rest)).not.toContain("pul-123");
    expect(JSON.stringify(rest)).not.toContain("hunter2");
    // The engine still gets them, explicitly.
    expect(s.pulumi.secretVars?.()).toEqual({
      PULUMI_ACCESS_TOKEN: "pul-123",
      PULUMI_CONFIG_PASSPHRASE: "hunter2",
    });
  });

  it("the preview's request holds what the command uses, and no token or Pulumi variable but among the secrets to mask", () => {
    const s = previewSettings(
      source(
        {
          GITHUB_EVENT_NAME: "pull_request",
          "INPUT_GITHUB-TOKEN": "ghs_abc",
          INPUT_ENVIRONMENTS: "staging",
          PULUMI_ACCESS_TOKEN: "pul-123",
          RUNNER_TEMP: "/runner/tmp",
          GITHUB_STEP_SUMMARY: "/runner/summary.md",
        },
        PR_EVENT,
      ),
    );
    const request = actionPreviewRequest(s);
    expect(request).toEqual({
      policiesDir: "policies",
      environments: ["staging"],
      baseRef: "b".repeat(40),
      baseRefSource: "pull request base",
      failOn: "error",
      commentOnPr: true,
      pulumiEngine: "auto",
      flows: [],
      flowsDetail: "services",
      github: s.github,
      runner: { temp: "/runner/tmp", stepSummaryPath: "/runner/summary.md" },
      secrets: ["ghs_abc", "pul-123"],
    });
    const { secrets, ...rest } = request;
    expect(secrets).toHaveLength(2);
    expect(JSON.stringify(rest)).not.toMatch(/ghs_abc|pul-123/);
  });

  it("links to the run, with the attempt when retried", () => {
    const s = parseSettings(source({ GITHUB_RUN_ID: "99", GITHUB_RUN_ATTEMPT: "2" }));
    expect(runUrl(s.github)).toBe("https://github.com/acme/netpol/actions/runs/99/attempts/2");
  });
});

describe("comment author and secrets", () => {
  it("comment-author is kept when it is a login, refused when it is not", () => {
    expect(previewSettings(source({ "INPUT_COMMENT-AUTHOR": "netpol-app[bot]" })).commentAuthor).toBe(
      "netpol-app[bot]",
    );
    expect(previewSettings(source({})).commentAuthor).toBeUndefined();
    expect(problemsOf(() => parseSettings(source({ "INPUT_COMMENT-AUTHOR": "a b" })))).toEqual([
      'comment-author: "a b" is not a GitHub login (like octocat or my-app[bot])',
    ]);
  });

  it("every environment value whose name says secret is masked and scrubbed, ordinary values are not", () => {
    const settings = parseSettings(
      source({
        "INPUT_GITHUB-TOKEN": "ghs_abcdefgh",
        PULUMI_CONFIG_PASSPHRASE: "a passphrase",
        AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG",
        ARM_CLIENT_SECRET: "azure-client-secret",
        MY_API_KEY: "k-0123456789",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        DEBUG_TOKEN_COUNT: "12345678",
        PATH: "/usr/bin",
      }),
    );
    expect([...settings.secrets].sort()).toEqual(
      ["a passphrase", "azure-client-secret", "ghs_abcdefgh", "k-0123456789", "wJalrXUtnFEMI/K7MDENG"].sort(),
    );
  });
});

describe("deploy, rollback and probe settings", () => {
  it("deploy: the documented defaults, the commit from GITHUB_SHA, the cluster from the environment", () => {
    const s = parseSettings(
      source({ INPUT_COMMAND: "deploy", GITHUB_SHA: "c".repeat(40), GITHUB_ACTOR: "alice" }),
    );
    expect(s).toMatchObject({
      command: "deploy",
      onInconclusive: "fail",
      breakGlass: "auto",
      revision: "c".repeat(40),
      stateNamespace: "netpol-rollout",
      probe: { imagePullSecrets: [], timeoutSeconds: 3 },
      commentOnPr: true,
      github: { actor: "alice" },
      flows: [],
      flowsDetail: "services",
      enforceDespiteFlows: false,
    });
    expect(s).not.toHaveProperty("kubeconfig");
    expect(s).not.toHaveProperty("context");
    expect(s).not.toHaveProperty("probe.image");
  });

  it("deploy: every cluster and probe input is read; a relative kubeconfig is in the workspace", () => {
    const s = parseSettings(
      source({
        INPUT_COMMAND: "deploy",
        INPUT_KUBECONFIG: ".kube/ci",
        INPUT_CONTEXT: "prod-eu",
        "INPUT_ON-INCONCLUSIVE": "rollback",
        "INPUT_STATE-NAMESPACE": "platform-state",
        "INPUT_PROBE-IMAGE": "registry.example.com/netpol/probe:1.2@sha256:abc",
        "INPUT_PROBE-IMAGE-PULL-SECRETS": "regcred, mirror-cred",
        "INPUT_PROBE-TIMEOUT": "5",
        INPUT_FLOWS: "production: exports/production/*.jsonl\nexports/all.jsonl",
        "INPUT_FLOWS-DETAIL": "full",
        "INPUT_ENFORCE-DESPITE-FLOWS": "true",
      }),
    );
    expect(s).toMatchObject({
      flows: [
        { environment: "production", pattern: "exports/production/*.jsonl" },
        { pattern: "exports/all.jsonl" },
      ],
      flowsDetail: "full",
      enforceDespiteFlows: true,
      kubeconfig: "/work/repo/.kube/ci",
      context: "prod-eu",
      onInconclusive: "rollback",
      stateNamespace: "platform-state",
      probe: {
        image: "registry.example.com/netpol/probe:1.2@sha256:abc",
        imagePullSecrets: ["regcred", "mirror-cred"],
        timeoutSeconds: 5,
      },
    });
    const absolute = parseSettings(
      source({ INPUT_COMMAND: "probe", INPUT_KUBECONFIG: "/runner/temp/kubeconfig" }),
    );
    expect(absolute).toMatchObject({ command: "probe", kubeconfig: "/runner/temp/kubeconfig" });
    // `drift` names the drift watch; `probe` is its alias.
    const drift = parseSettings(
      source({ INPUT_COMMAND: "drift", INPUT_KUBECONFIG: "/runner/temp/kubeconfig" }),
    );
    expect(JSON.stringify(drift)).toBe(JSON.stringify(absolute));
  });

  it("rollback: one environment, the target (default last-known-good) and the reason", () => {
    const s = parseSettings(
      source({ INPUT_COMMAND: "rollback", INPUT_ENVIRONMENTS: "production", INPUT_REASON: "bad deny" }),
    );
    expect(s).toMatchObject({
      command: "rollback",
      environments: ["production"],
      target: "last-known-good",
      reason: "bad deny",
      onInconclusive: "fail",
    });
    const toRef = parseSettings(
      source({
        INPUT_COMMAND: "rollback",
        INPUT_ENVIRONMENTS: "staging",
        INPUT_TARGET: "v1.4.0",
        INPUT_REASON: "x",
      }),
    );
    expect(toRef).toMatchObject({ target: "v1.4.0" });
  });

  it("rollback: no environment, several, no reason, or a target that is an option are refused together", () => {
    expect(
      problemsOf(() => parseSettings(source({ INPUT_COMMAND: "rollback", INPUT_TARGET: "--force" }))),
    ).toEqual([
      "environments: a rollback acts on exactly one environment; got none (empty)",
      "reason: empty; a rollback needs a reason (it is recorded in the history)",
      'target: "--force" is not last-known-good, a recorded revision or a git ref',
    ]);
    expect(
      problemsOf(() =>
        parseSettings(
          source({ INPUT_COMMAND: "rollback", INPUT_ENVIRONMENTS: "staging,production", INPUT_REASON: "x" }),
        ),
      ),
    ).toEqual(["environments: a rollback acts on exactly one environment; got staging, production"]);
  });

  it("bad cluster and probe inputs are each named", () => {
    expect(
      problemsOf(() =>
        parseSettings(
          source({
            INPUT_COMMAND: "deploy",
            "INPUT_ON-INCONCLUSIVE": "retry",
            "INPUT_BREAK-GLASS": "always",
            "INPUT_STATE-NAMESPACE": "Platform_State",
            INPUT_CONTEXT: "prod eu",
            "INPUT_PROBE-IMAGE": "agnhost; rm -rf /",
            "INPUT_PROBE-IMAGE-PULL-SECRETS": "Reg Cred",
            "INPUT_PROBE-TIMEOUT": "0.5",
            "INPUT_LOCK-WAIT": "1h",
            "INPUT_SETTLE-SECONDS": "soon",
          }),
        ),
      ),
    ).toEqual([
      'on-inconclusive: "retry" is not one of fail, rollback, ignore',
      'break-glass: "always" is not one of auto, never',
      'state-namespace: "Platform_State" is not a namespace name (lower-case letters, digits and -, at most 63)',
      'context: "prod eu" is not a kubeconfig context name',
      'probe-image: "agnhost; rm -rf /" is not an image reference',
      'probe-image-pull-secrets: "Reg Cred" is not a Secret name',
      'lock-wait: "1h" is not a whole number of seconds from 0 to 21600',
      'probe-timeout: "0.5" is not a whole number of seconds from 1 to 30',
      'settle-seconds: "soon" is not a whole number of seconds from 0 to 300',
    ]);
  });

  it("lock-wait: seconds to wait for another run's lock; absent leaves each command its own default", () => {
    expect(parseSettings(source({ INPUT_COMMAND: "probe", "INPUT_LOCK-WAIT": "0" }))).toMatchObject({
      lockWaitSeconds: 0,
    });
    expect(parseSettings(source({ INPUT_COMMAND: "deploy" }))).not.toHaveProperty("lockWaitSeconds");
    expect(
      problemsOf(() => parseSettings(source({ INPUT_COMMAND: "deploy", "INPUT_LOCK-WAIT": "21601" }))),
    ).toEqual(['lock-wait: "21601" is not a whole number of seconds from 0 to 21600']);
  });

  it("settle-seconds overrides the CNI profile's settle window; empty leaves it to the profile", () => {
    const base = { INPUT_COMMAND: "deploy", INPUT_ENVIRONMENTS: "production" };
    expect(parseSettings(source({ ...base, "INPUT_SETTLE-SECONDS": "12" }))).toMatchObject({
      probe: { settleSeconds: 12 },
    });
    expect(parseSettings(source(base))).not.toHaveProperty("probe.settleSeconds");
  });

  it("preview settings hold no cluster inputs", () => {
    expect(previewSettings(source({ "INPUT_STATE-NAMESPACE": "x" }))).not.toHaveProperty("stateNamespace");
  });
});
