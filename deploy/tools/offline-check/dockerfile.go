package main

import (
	"fmt"
	"os"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

type dockerfileCommand struct {
	Name    string `json:"name"`
	Line    int    `json:"line"`
	Details any    `json:"details"`
}

type dockerfileStage struct {
	Name     string              `json:"name"`
	Base     string              `json:"base"`
	Commands []dockerfileCommand `json:"commands"`
}

type dockerfileResult struct {
	Args     map[string]string `json:"args"`
	Stages   []dockerfileStage `json:"stages"`
	Warnings []string          `json:"warnings"`
}

func checkDockerfile(args []string) (any, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("dockerfile: give one file")
	}
	file, err := os.Open(args[0])
	if err != nil {
		return nil, err
	}
	defer file.Close()
	ast, err := parser.Parse(file)
	if err != nil {
		return nil, err
	}
	result := dockerfileResult{Args: map[string]string{}, Warnings: []string{}}
	for _, warning := range ast.Warnings {
		result.Warnings = append(result.Warnings, fmt.Sprintf("parser: %s", warning.Short))
	}
	lint := linter.New(&linter.Config{Warn: func(rule, _, _, message string, location []parser.Range) {
		line := 0
		if len(location) > 0 {
			line = location[0].Start.Line
		}
		result.Warnings = append(result.Warnings, fmt.Sprintf("%s: %s (line %d)", rule, message, line))
	}})
	stages, metaArgs, err := instructions.Parse(ast.AST, lint)
	if err != nil {
		return nil, err
	}
	for _, arg := range metaArgs {
		for _, pair := range arg.Args {
			if pair.Value != nil {
				result.Args[pair.Key] = *pair.Value
			}
		}
	}
	for _, stage := range stages {
		out := dockerfileStage{Name: stage.Name, Base: stage.BaseName, Commands: []dockerfileCommand{}}
		for _, command := range stage.Commands {
			line := 0
			if location := command.Location(); len(location) > 0 {
				line = location[0].Start.Line
			}
			out.Commands = append(out.Commands, dockerfileCommand{Name: command.Name(), Line: line, Details: command})
		}
		result.Stages = append(result.Stages, out)
	}
	return result, nil
}
