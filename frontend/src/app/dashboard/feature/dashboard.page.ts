import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { problemMessage } from '../../core/api/problem-message';
import { AlertComponent } from '../../shared/ui/alert.component';
import { DASHBOARD_RANGES, type DashboardRange, DashboardStore } from '../data-access/dashboard.store';
import { durationLabel } from '../ui/duration-label';
import { type ChartSeries, StatsChartComponent } from '../ui/stats-chart.component';

const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/**
 * `/dashboard`: how the caller's boxes are doing: tickets opened and closed per day, open tickets
 * by priority, overdue tickets and the median time to close, over the last 7, 30, 90 or 365 days
 * in the browser's time zone. The charts can be swapped for tables of the same figures.
 */
@Component({
  selector: 'bw-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatButtonToggleModule, MatProgressBarModule, AlertComponent, StatsChartComponent],
  providers: [DashboardStore],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage implements OnInit {
  protected readonly store = inject(DashboardStore);
  protected readonly ranges = DASHBOARD_RANGES;
  protected readonly priorities = PRIORITIES;
  protected readonly asTable = signal(false);

  protected readonly openTotal = computed(() => {
    const open = this.store.stats()?.open;
    return open ? open.urgent + open.high + open.normal + open.low : 0;
  });
  protected readonly median = computed(() => durationLabel(this.store.stats()?.medianMinutesToClose ?? null));
  protected readonly dates = computed(() => this.store.stats()?.days.map((d) => d.date) ?? []);
  protected readonly perDay = computed<ChartSeries[]>(() => {
    const days = this.store.stats()?.days ?? [];
    return [
      { label: 'Opened', data: days.map((d) => d.opened), color: '--mat-sys-primary' },
      { label: 'Closed', data: days.map((d) => d.closed), color: '--mat-sys-tertiary' },
    ];
  });
  protected readonly byPriority = computed<ChartSeries[]>(() => {
    const open = this.store.stats()?.open;
    return [{ label: 'Open tickets', data: PRIORITIES.map((p) => open?.[p] ?? 0), color: '--mat-sys-secondary' }];
  });
  protected readonly perDaySummary = computed(() => {
    const days = this.store.stats()?.days ?? [];
    const opened = days.reduce((n, d) => n + d.opened, 0);
    const closed = days.reduce((n, d) => n + d.closed, 0);
    return `Opened and closed per day, ${days[0]?.date ?? ''} to ${days.at(-1)?.date ?? ''}: ${opened} opened, ${closed} closed. The table view lists every day.`;
  });
  protected readonly prioritySummary = computed(() => {
    const open = this.store.stats()?.open;
    return `Open tickets by priority: ${PRIORITIES.map((p) => `${open?.[p] ?? 0} ${p}`).join(', ')}.`;
  });

  ngOnInit(): void {
    void this.store.load();
  }

  protected pick(range: DashboardRange): void {
    void this.store.load(range);
  }

  protected message = problemMessage;
}
