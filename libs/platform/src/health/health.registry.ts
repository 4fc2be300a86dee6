import { Injectable } from '@nestjs/common';

export interface ComponentHealth {
  readonly status: 'up' | 'down';
  readonly details?: Record<string, unknown>;
}

export interface HealthContributor {
  readonly name: string;
  /** Whether the component must be up for the service to serve requests (readiness). */
  readonly critical: boolean;
  check(): Promise<ComponentHealth>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Components report here. Readiness asks only the critical ones (the database): a Kafka outage or
 * a rebalance must never take the HTTP API out of service. `/health/details` shows them all.
 */
@Injectable()
export class HealthRegistry {
  private readonly contributors = new Map<string, HealthContributor>();
  private shuttingDown = false;

  register(contributor: HealthContributor): void {
    this.contributors.set(contributor.name, contributor);
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  async check(onlyCritical: boolean): Promise<Record<string, ComponentHealth>> {
    const selected = [...this.contributors.values()].filter((c) => !onlyCritical || c.critical);
    const results = await Promise.all(selected.map((c) => withTimeout(c)));
    return Object.fromEntries(selected.map((c, i) => [c.name, results[i]]));
  }
}

async function withTimeout(contributor: HealthContributor): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ComponentHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'down', details: { error: `no answer within ${CHECK_TIMEOUT_MS} ms` } }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      contributor.check().catch(
        (error: unknown): ComponentHealth => ({
          status: 'down',
          details: { error: error instanceof Error ? error.message : String(error) },
        }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
