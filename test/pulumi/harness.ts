/**
 * Pulumi mocks that record what a program registers: type, logical name, inputs, and the
 * dependencies the SDK sends to the engine. Dependencies are read from the
 * RegisterResourceRequest itself (the mocks' newResource does not see them), so a test
 * checks what the engine would receive, not the options a program meant to pass. Reads of
 * existing objects (`Resource.get`) are recorded apart, with their parent; the mock cluster
 * answers a read of kube-system with MOCK_CLUSTER_UID.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** Logical names of the resources this one depends on (from the request's dependency URNs). */
  dependsOn: string[];
  /** A custom resource (an object in the cluster), not a component. */
  custom: boolean;
  /** The parent's URN as sent to the engine ("" for the stack root). */
  parent: string;
  /** The alias specs sent to the engine. */
  aliases: AliasSpec[];
}

/** An alias as the engine receives it: fields left empty mean "the resource's own". */
export interface AliasSpec {
  name: string;
  type: string;
  noParent: boolean;
  parentUrn: string;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getDependenciesList(): string[];
  getAliasesList(): {
    getSpec():
      { getName(): string; getType(): string; getNoparent(): boolean; getParenturn(): string } | undefined;
  }[];
}

interface PatchableMonitor {
  registerResource(req: RegisterRequest, callback: (...args: unknown[]) => void): unknown;
  readResource(
    req: { getType(): string; getName(): string; getParent(): string },
    callback: (...args: unknown[]) => void,
  ): unknown;
}

/** The kube-system uid of the mock cluster. */
export const MOCK_CLUSTER_UID = "0f5e2d3c-6b7a-4c18-9e2f-3a1b5c7d9e80";

/** An existing object a program read (never changed). */
export interface Read {
  type: string;
  name: string;
  /** The id read: for a namespace, its name. */
  id: string;
  /** The parent's URN as sent to the engine. */
  parent: string;
}

export interface Recorder {
  /** Registered resources, in registration order. */
  readonly registered: Registered[];
  /** Objects read, in order. */
  readonly reads: Read[];
  /** Forgets what was recorded (between programs run in one test file). */
  reset(): void;
}

/** Installs recording mocks; call before importing or running a program. */
export async function installMocks(): Promise<Recorder> {
  const registered: Registered[] = [];
  const reads: Read[] = [];
  const requests = new Map<string, Pick<Registered, "dependsOn" | "parent" | "aliases">>();
  const readParents = new Map<string, string>();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        if (args.id !== undefined && args.id !== "") {
          reads.push({
            type: args.type,
            name: args.name,
            id: args.id,
            parent: readParents.get(`${args.type}::${args.name}`) ?? "",
          });
          const uid =
            args.type === "kubernetes:core/v1:Namespace" && args.id === "kube-system"
              ? MOCK_CLUSTER_UID
              : `${args.id}-uid`;
          return { id: args.id, state: { metadata: { name: args.id, uid } } };
        }
        const request = requests.get(`${args.type}::${args.name}`);
        registered.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
          dependsOn: request?.dependsOn ?? [],
          custom: args.custom ?? false,
          parent: request?.parent ?? "",
          aliases: request?.aliases ?? [],
        });
        return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
      },
      call(args) {
        return args.inputs as Record<string, unknown>;
      },
    },
    "netpol-rollout",
    "test",
    false,
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as PatchableMonitor;
  const originalRead = monitor.readResource.bind(monitor);
  monitor.readResource = (req, callback) => {
    readParents.set(`${req.getType()}::${req.getName()}`, req.getParent());
    return originalRead(req, callback);
  };
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const names = req.getDependenciesList().map((urn) => urn.slice(urn.lastIndexOf("::") + 2));
    const aliases = req.getAliasesList().flatMap((a) => {
      const spec = a.getSpec();
      return spec === undefined
        ? []
        : [
            {
              name: spec.getName(),
              type: spec.getType(),
              noParent: spec.getNoparent(),
              parentUrn: spec.getParenturn(),
            },
          ];
    });
    requests.set(`${req.getType()}::${req.getName()}`, {
      dependsOn: names,
      parent: req.getParent(),
      aliases,
    });
    return original(req, callback);
  };
  return {
    registered,
    reads,
    reset() {
      registered.length = 0;
      reads.length = 0;
      requests.clear();
      readParents.clear();
    },
  };
}

/** Resolves once every resource has been registered with the (mock) engine. */
export async function settled(resources: pulumi.Resource[]): Promise<void> {
  await new Promise<void>((resolve) => {
    pulumi.all(resources.map((r) => r.urn)).apply(() => resolve());
  });
}
