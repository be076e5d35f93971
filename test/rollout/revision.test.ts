import { describe, expect, it } from "vitest";
import { compileAtRef } from "../../action/src/commands/rollback.js";
import { compileRevision } from "../../action/src/rollout/revision.js";
import { edited, memoryGit, shippedFiles } from "../preview/helpers.js";

const COMMIT = "c".repeat(40);
const at = (environment: string) => ({ ref: "v1", commit: COMMIT, policiesDir: "policies", environment });

describe("an environment compiled at a revision", () => {
  it("is the environment's intent and bundle, with its excluded namespaces, at the commit", () => {
    const compiled = compileRevision(shippedFiles(), at("production"));
    expect(compiled?.commit).toBe(COMMIT);
    expect(compiled?.intent.name).toBe("production");
    expect(compiled?.bundle.excludedNamespaces).toEqual(compiled?.intent.excludedNamespaces);
    expect(compiled?.bundle.objects.length).toBeGreaterThan(0);
  });

  it("is nothing when the revision has no such environment", () => {
    expect(compileRevision(shippedFiles(), at("qa"))).toBeUndefined();
  });

  it("refuses an invalid intent at the revision, naming the ref, the commit and file:line", () => {
    const files = edited(shippedFiles(), "policies/environments/production.yaml", (t) => `${t}\nbogus: 1\n`);
    expect(() => compileRevision(files, at("production"))).toThrow(
      /^the intent at v1 \(cccccccccccc\) is invalid: policies\/environments\/production\.yaml:\d+:\d+: /,
    );
  });

  it("reads the tree of the commit the ref resolves to, and nothing for a ref that does not exist", async () => {
    const compile = compileAtRef(memoryGit({ [COMMIT]: shippedFiles() }), "policies");
    expect((await compile(COMMIT, "staging"))?.intent.name).toBe("staging");
    expect(await compile("no-such-ref", "staging")).toBeUndefined();
  });
});
