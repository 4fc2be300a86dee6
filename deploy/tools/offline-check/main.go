// Command offline-check reads the Compose file and the Dockerfile with the parsers Docker itself
// uses, without a Docker engine, and prints what they resolve to as JSON for the deployment tests:
//
//	offline-check compose [-profiles a,b] docker-compose.yml   compose-go: the Compose Specification's
//	                                                          JSON schema, interpolation, normalisation
//	                                                          and consistency checks (`docker compose config`)
//	offline-check dockerfile Dockerfile                       BuildKit's Dockerfile parser and linter
//	                                                          (the rules `docker build --check` applies
//	                                                          while parsing)
//
// Any error exits 1 with the message on stderr.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var (
		result any
		err    error
	)
	switch os.Args[1] {
	case "compose":
		result, err = checkCompose(os.Args[2:])
	case "dockerfile":
		result, err = checkDockerfile(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "offline-check:", err)
		os.Exit(1)
	}
	out, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "offline-check:", err)
		os.Exit(1)
	}
	os.Stdout.Write(append(out, '\n'))
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: offline-check compose [-profiles a,b] FILE... | offline-check dockerfile FILE")
	os.Exit(2)
}
