// Command compose-check loads a Compose file the way `docker compose config` does (compose-go: the
// Compose Specification's JSON schema, interpolation, normalisation and consistency checks) without
// a Docker engine, and prints the resolved project as JSON for the deployment tests.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	profiles := flag.String("profiles", "*", "comma-separated profiles to enable (* for all)")
	project := flag.String("project-name", "marketplace", "project name")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: compose-check [-profiles a,b] compose.yml [more.yml ...]")
		os.Exit(2)
	}
	// No OS environment and no .env file: the result depends on the file alone, so the defaults
	// written in it (${VAR:-default}) are what gets checked.
	opts, err := cli.NewProjectOptions(
		flag.Args(),
		cli.WithName(*project),
		cli.WithEnv([]string{}),
		cli.WithProfiles(strings.Split(*profiles, ",")),
	)
	if err != nil {
		fail(err)
	}
	loaded, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	out, err := loaded.MarshalJSON()
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compose-check:", err)
	os.Exit(1)
}
