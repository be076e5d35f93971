// Command pulumi-resource-kubernetes serves the Pulumi Kubernetes resource
// provider from github.com/pulumi/pulumi-kubernetes/provider/v4.
//
// The two embedded JSON files are not part of the provider's module zip (the
// upstream build generates them with cmd/pulumi-resource-kubernetes/generate.go).
// build.sh generates them into a scratch copy of this directory outside the
// repository before compiling; they are never committed.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema-embed.json
var pulumiSchema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve("kubernetes", version.Version, pulumiSchema, terraformMapping)
}
