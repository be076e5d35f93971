// Command pulumi-language-nodejs is a minimal Node.js language host for the
// e2e tier, written for this repository.
//
// It is NOT Pulumi's language host: the module that holds the real one
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not
// served by the module proxy reachable here, so the engine would have no way
// to run a `runtime: nodejs` project. This host implements the part of the
// LanguageRuntime gRPC service that `pulumi preview/up/destroy/refresh` of a
// plain-JavaScript project needs:
//
//   - GetPluginInfo
//   - GetRequiredPackages / GetRequiredPlugins: resource plugins named by
//     "pulumi": {"resource": true, ...} in node_modules/**/package.json
//     (top level and one scope level), so the engine resolves them up front
//   - Run: runs `node <@pulumi/pulumi>/cmd/run` with the flags and the
//     PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS environment that script reads
//
// Everything else answers Unimplemented (pulumi new/install/about/convert,
// policy packs, component providers written in Node.js, debugging). The
// runtime option `typescript` is passed through as PULUMI_NODEJS_TYPESCRIPT
// (default true, as upstream); `nodeargs` is passed to node.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// Exit code of @pulumi/pulumi/cmd/run after it has already reported the error
// to the user (nodeJSProcessExitedAfterLoggingUserActionableMessage).
const exitAlreadyReported = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	// The engine starts language hosts as `pulumi-language-<name> [flags] <engine address>`.
	var engine string
	for _, a := range os.Args[1:] {
		if !strings.HasPrefix(a, "-") {
			engine = a
		}
	}
	h := &host{engineAddress: engine}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(s *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(s, h)
			return nil
		},
		Options: rpcutil.OpenTracingServerInterceptorOptions(nil),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: strings.TrimPrefix(version.Version, "v")}, nil
}

type pkgJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Pulumi  struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

// requiredPlugins lists resource plugins declared by packages in the
// node_modules directories of dir and its parents (nearest first wins).
func requiredPlugins(dir string) []*pulumirpc.PluginDependency {
	seen := map[string]bool{}
	var out []*pulumirpc.PluginDependency
	add := func(pj string) {
		b, err := os.ReadFile(pj)
		if err != nil {
			return
		}
		var p pkgJSON
		if json.Unmarshal(b, &p) != nil || !p.Pulumi.Resource {
			return
		}
		name := p.Pulumi.Name
		if name == "" {
			name = strings.TrimPrefix(strings.TrimPrefix(p.Name, "@pulumi/"), "@")
		}
		ver := p.Pulumi.Version
		if ver == "" {
			ver = p.Version
		}
		if name == "" || ver == "" || seen[name] {
			return
		}
		seen[name] = true
		if !strings.HasPrefix(ver, "v") {
			ver = "v" + ver
		}
		out = append(out, &pulumirpc.PluginDependency{
			Name: name, Kind: "resource", Version: ver, Server: p.Pulumi.Server,
		})
	}
	for d := dir; ; d = filepath.Dir(d) {
		nm := filepath.Join(d, "node_modules")
		entries, _ := os.ReadDir(nm)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "@") {
				scoped, _ := os.ReadDir(filepath.Join(nm, e.Name()))
				for _, s := range scoped {
					add(filepath.Join(nm, e.Name(), s.Name(), "package.json"))
				}
				continue
			}
			add(filepath.Join(nm, e.Name(), "package.json"))
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return out
}

func programDir(info *pulumirpc.ProgramInfo, pwd string) string {
	if info != nil && info.ProgramDirectory != "" {
		return info.ProgramDirectory
	}
	return pwd
}

func (h *host) GetRequiredPlugins(
	_ context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{
		Plugins: requiredPlugins(programDir(req.GetInfo(), req.GetPwd())),
	}, nil
}

func (h *host) GetRequiredPackages(
	_ context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	plugins := requiredPlugins(programDir(req.GetInfo(), ""))
	pkgs := make([]*pulumirpc.PackageDependency, 0, len(plugins))
	for _, p := range plugins {
		pkgs = append(pkgs, &pulumirpc.PackageDependency{
			Name: p.Name, Kind: p.Kind, Version: p.Version, Server: p.Server,
		})
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: pkgs}, nil
}

// option reads a runtime option from Pulumi.yaml (runtime.options).
func option(info *pulumirpc.ProgramInfo, key string) (*structpb.Value, bool) {
	if info == nil || info.Options == nil {
		return nil, false
	}
	v, ok := info.Options.Fields[key]
	return v, ok
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	pwd := programDir(info, req.GetPwd())
	entry := "."
	if info != nil && info.EntryPoint != "" {
		entry = info.EntryPoint
	} else if req.GetProgram() != "" {
		entry = req.GetProgram()
	}

	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("pulumi-language-nodejs: node not found on PATH")
	}
	// Resolve @pulumi/pulumi/cmd/run from the program directory, as the
	// program's own `require` would.
	resolve := exec.CommandContext(ctx, node, "-e",
		"process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run'))")
	resolve.Dir = pwd
	runPath, err := resolve.Output()
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf(
			"could not resolve @pulumi/pulumi/cmd/run from %s (run npm install there): %v", pwd, err)}, nil
	}

	var args []string
	if v, ok := option(info, "nodeargs"); ok && v.GetStringValue() != "" {
		args = append(args, strings.Fields(v.GetStringValue())...)
	}
	args = append(args, string(runPath),
		"--monitor="+req.GetMonitorAddress(),
		"--project="+req.GetProject(),
		"--stack="+req.GetStack(),
		"--pwd="+pwd,
		"--parallel="+strconv.Itoa(int(req.GetParallel())),
	)
	if h.engineAddress != "" {
		args = append(args, "--engine="+h.engineAddress)
	}
	if req.GetOrganization() != "" {
		args = append(args, "--organization="+req.GetOrganization())
	}
	if info != nil && info.RootDirectory != "" {
		args = append(args, "--root-directory="+info.RootDirectory)
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	args = append(args, entry)
	args = append(args, req.GetArgs()...)

	cfg, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	keys, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	typescript := "true"
	if v, ok := option(info, "typescript"); ok {
		if b, isBool := v.GetKind().(*structpb.Value_BoolValue); isBool && !b.BoolValue {
			typescript = "false"
		}
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(cfg),
		"PULUMI_CONFIG_SECRET_KEYS="+string(keys),
		"PULUMI_NODEJS_TYPESCRIPT="+typescript,
	)
	if v, ok := option(info, "tsconfig"); ok && v.GetStringValue() != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+v.GetStringValue())
	}

	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = pwd
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if exit.ExitCode() == exitAlreadyReported {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode()),
			}, nil
		}
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}
