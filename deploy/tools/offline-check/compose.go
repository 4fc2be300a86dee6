package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

func checkCompose(args []string) (any, error) {
	flags := flag.NewFlagSet("compose", flag.ContinueOnError)
	profiles := flags.String("profiles", "*", "comma-separated profiles to enable (* for all)")
	name := flags.String("project-name", "marketplace", "project name")
	if err := flags.Parse(args); err != nil {
		return nil, err
	}
	if flags.NArg() == 0 {
		return nil, fmt.Errorf("compose: no file given")
	}
	// No OS environment and no .env file: the result depends on the file alone, so the defaults
	// written in it (${VAR:-default}) are what gets checked.
	opts, err := cli.NewProjectOptions(
		flags.Args(),
		cli.WithName(*name),
		cli.WithEnv([]string{}),
		cli.WithProfiles(strings.Split(*profiles, ",")),
	)
	if err != nil {
		return nil, err
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		return nil, err
	}
	raw, err := project.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return json.RawMessage(raw), nil
}
