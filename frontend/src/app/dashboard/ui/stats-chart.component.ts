import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the dashboard draws, registered here so that chart.js stays in the dashboard's chunk.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** One line or set of bars; `color` is a Material system color token, e.g. `--mat-sys-primary`. */
export interface ChartSeries {
  readonly label: string;
  readonly data: readonly number[];
  readonly color: string;
}

/**
 * A chart.js chart over `labels`, in the theme's colors (read from the Material tokens when drawn,
 * so a dark theme gets its own). The canvas is an image named by `summary`; the page offers the
 * same figures as a table.
 */
@Component({
  selector: 'bw-stats-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="frame"><canvas #canvas role="img" [attr.aria-label]="summary()"></canvas></div>`,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      height: 260px;
    }
  `,
})
export class StatsChartComponent {
  readonly kind = input<'bar' | 'line'>('bar');
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly summary = input.required<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
    afterRenderEffect(() => this.draw(this.kind(), this.labels(), this.series()));
  }

  /** A token's color as the browser resolves it (tokens may be `light-dark()` pairs, which canvas cannot read). */
  private color(token: string): string {
    const probe = document.createElement('span');
    probe.style.color = `var(${token})`;
    this.host.nativeElement.appendChild(probe);
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return resolved;
  }

  private draw(kind: 'bar' | 'line', labels: readonly string[], series: readonly ChartSeries[]): void {
    this.chart?.destroy();
    const text = this.color('--mat-sys-on-surface-variant');
    const grid = this.color('--mat-sys-outline-variant');
    this.chart = new Chart(this.canvas().nativeElement, {
      type: kind,
      data: {
        labels: [...labels],
        datasets: series.map((s) => {
          const color = this.color(s.color);
          return {
            label: s.label,
            data: [...s.data],
            backgroundColor: color,
            borderColor: color,
            pointRadius: 0,
            tension: 0.2,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { labels: { color: text } } },
        scales: {
          x: { ticks: { color: text, maxRotation: 0, autoSkip: true }, grid: { color: grid } },
          y: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
        },
      },
    });
  }
}
