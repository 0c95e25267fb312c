/**
 * A horizontal bar chart drawn on the server as SVG: no script, readable without it. The
 * chart is one image to assistive technology (`role="img"`, named by its `<title>` and
 * described by its `<desc>`); every bar carries its value as text, and the page puts the
 * same figures in a table beside it.
 */
import Big from 'big.js';

export interface BarSeries {
  name: string;
  /** A CSS class of the stylesheet (`bar-a`, `bar-b`): the fill of this series' bars. */
  className: 'bar-a' | 'bar-b';
}

export interface BarRow {
  label: string;
  /** One value per series, as decimal strings (counts, or money amounts). */
  values: string[];
  /** The values as shown beside the bars (formatted). */
  texts: string[];
}

export interface BarChartProps {
  id: string;
  title: string;
  series: BarSeries[];
  rows: BarRow[];
}

const LABEL_WIDTH = 180;
const BAR_SPACE = 300;
const VALUE_WIDTH = 160;
const BAR_HEIGHT = 16;
const ROW_GAP = 10;

/** A bar's length in px: its share of the largest value, exact until the one rounding. */
export function barLength(value: string, max: Big): string {
  if (max.eq(0)) return '0';
  return new Big(value).div(max).times(BAR_SPACE).toFixed(1);
}

/**
 * @example <BarChart id="by-count" title="Claims per carrier" series={[{ name: 'Claims', className: 'bar-a' }]} rows={[{ label: 'CDEK', values: ['3'], texts: ['3'] }]} />
 */
export function BarChart(props: BarChartProps) {
  const { rows, series } = props;
  const max = rows
    .flatMap((r) => r.values)
    .reduce((m, v) => (new Big(v).gt(m) ? new Big(v) : m), new Big(0));
  const rowHeight = series.length * BAR_HEIGHT + ROW_GAP;
  const height = Math.max(rowHeight, rows.length * rowHeight);
  const width = LABEL_WIDTH + BAR_SPACE + VALUE_WIDTH;
  const desc = rows
    .map((r) => `${r.label}: ${r.texts.map((t, i) => `${series[i]?.name ?? ''} ${t}`).join(', ')}`)
    .join('; ');
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={String(width)}
      height={String(height)}
      id={props.id}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{desc}</desc>
      {rows.map((row, i) => {
        const top = i * rowHeight;
        return (
          <g>
            <text x={String(LABEL_WIDTH - 8)} y={String(top + BAR_HEIGHT - 3)} text-anchor="end">
              {row.label}
            </text>
            {row.values.map((value, s) => {
              const y = top + s * BAR_HEIGHT;
              const length = barLength(value, max);
              return (
                <>
                  <rect
                    class={series[s]?.className ?? 'bar-a'}
                    x={String(LABEL_WIDTH)}
                    y={String(y)}
                    width={length}
                    height={String(BAR_HEIGHT - 2)}
                  />
                  <text
                    class="bar-value"
                    x={new Big(length).plus(LABEL_WIDTH + 6).toString()}
                    y={String(y + BAR_HEIGHT - 4)}
                  >
                    {row.texts[s] ?? value}
                  </text>
                </>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
