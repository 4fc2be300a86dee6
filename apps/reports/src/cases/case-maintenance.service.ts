import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { REPORTS_SETTINGS, ReportsSettings } from '../common/reports-settings';
import { ReportRepository } from '../reports/report.repository';
import { CaseIntakeService } from './case-intake.service';
import { CaseRepository } from './case.repository';
import { CaseSettlementService } from './case-settlement.service';

const BATCH = 100;
/** A report younger than this may still be on its way into its case: the sweep leaves it alone. */
const UNCOUNTED_GRACE_MS = 10_000;

/**
 * Finishes what a crash between two single-document writes left half done: reports stored but not
 * yet in their case's score, and decided cases whose reports are not yet settled. Every replica
 * may run it; each step is idempotent.
 */
@Injectable()
export class CaseMaintenanceService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly log = new Logger(CaseMaintenanceService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly cases: CaseRepository,
    private readonly reports: ReportRepository,
    private readonly intake: CaseIntakeService,
    private readonly settlement: CaseSettlementService,
    @Inject(REPORTS_SETTINGS.token) private readonly settings: ReportsSettings,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.settings.sweepIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  sweepOnce(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = this.sweep()
      .catch((error: unknown) => this.log.warn({ err: error }, 'maintenance sweep failed; will retry'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<void> {
    for (const report of await this.reports.listUncounted(new Date(Date.now() - UNCOUNTED_GRACE_MS), BATCH)) {
      if (this.stopped) return;
      await this.intake.addReport(report);
    }
    for (const pending of await this.cases.listSettlementPending(BATCH)) {
      if (this.stopped) return;
      await this.settlement.settle(pending._id);
    }
  }
}
