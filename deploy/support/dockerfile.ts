import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runOrThrow, TOOL_PATHS } from './tools';

/** A Dockerfile as BuildKit's parser reads it (deploy/tools/offline-check). */
export interface ParsedDockerfile {
  readonly args: Record<string, string>;
  readonly stages: {
    readonly name: string;
    readonly base: string;
    readonly commands: {
      readonly name: string;
      readonly line: number;
      readonly details: Record<string, unknown>;
    }[];
  }[];
  readonly warnings: string[];
}

export function parseDockerfile(path = join(REPO_ROOT, 'Dockerfile')): ParsedDockerfile {
  return JSON.parse(runOrThrow(TOOL_PATHS.offlineCheck, ['dockerfile', path])) as ParsedDockerfile;
}

/** What a target stage ends up with, following `FROM <earlier stage>` up to the base image. */
export interface ImageConfig {
  readonly env: Record<string, string>;
  readonly user?: string;
  readonly exposed: string[];
  readonly cmd?: string[];
  readonly healthcheck?: string[];
  readonly copies: { readonly from: string; readonly sources: string[]; readonly dest: string }[];
  readonly runs: string[];
  readonly baseImage: string;
}

export function imageConfig(dockerfile: ParsedDockerfile, target: string): ImageConfig {
  const chain = [];
  for (let name: string | undefined = target; name; ) {
    const stage = dockerfile.stages.find((s) => s.name === name);
    if (!stage) break;
    chain.unshift(stage);
    name = dockerfile.stages.some((s) => s.name === stage.base) ? stage.base : undefined;
  }
  if (chain.length === 0) throw new Error(`no stage ${target} in the Dockerfile`);
  const config = {
    env: {} as Record<string, string>,
    user: undefined as string | undefined,
    exposed: [] as string[],
    cmd: undefined as string[] | undefined,
    healthcheck: undefined as string[] | undefined,
    copies: [] as ImageConfig['copies'][number][],
    runs: [] as string[],
    baseImage: chain[0].base.replace(/\$\{(\w+)\}/g, (_w, arg: string) => dockerfile.args[arg] ?? ''),
  };
  for (const command of chain.flatMap((s) => s.commands)) {
    const d = command.details;
    switch (command.name.toUpperCase()) {
      case 'ENV':
        for (const pair of d.Env as { Key: string; Value: string }[]) config.env[pair.Key] = pair.Value;
        break;
      case 'USER':
        config.user = d.User as string;
        break;
      case 'EXPOSE':
        config.exposed.push(...(d.Ports as string[]));
        break;
      case 'CMD':
        config.cmd = (d.PrependShell as boolean)
          ? ['/bin/sh', '-c', ...(d.CmdLine as string[])]
          : (d.CmdLine as string[]);
        break;
      case 'HEALTHCHECK':
        config.healthcheck = (d.Health as { Test: string[] }).Test;
        break;
      case 'COPY':
        config.copies.push({
          from: d.From as string,
          sources: d.SourcePaths as string[],
          dest: d.DestPath as string,
        });
        break;
      case 'RUN':
        config.runs.push((d.CmdLine as string[]).join(' '));
        break;
    }
  }
  return config;
}

/** Whether `.dockerignore` keeps a context path out of the build (BuildKit: last match wins, parents count). */
export function dockerIgnored(path: string, ignoreFile = join(REPO_ROOT, '.dockerignore')): boolean {
  const patterns = readFileSync(ignoreFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const glob = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      const source = glob
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(.*/)?');
      return { negated, regex: new RegExp(`^${source}$`) };
    });
  const parts = path.split('/');
  const prefixes = parts.map((_p, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const pattern of patterns) {
    if (prefixes.some((prefix) => pattern.regex.test(prefix))) ignored = !pattern.negated;
  }
  return ignored;
}
