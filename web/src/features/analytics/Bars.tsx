import { Meter } from '../../ui/Meter';
import classes from './Bars.module.css';

export interface BarRow {
  key: string;
  label: string;
  /** The figure the bar is drawn from; null draws no bar (the text says why). */
  value: number | null;
  /** The figure in words, read by everyone, screen readers included: the bar itself is decoration. */
  text: string;
  muted?: boolean;
}

/** Simple horizontal bars in CSS: a list whose text carries every figure, the bars only show proportion. */
export function Bars({ rows, label }: { rows: BarRow[]; label: string }) {
  const max = Math.max(0, ...rows.map((row) => row.value ?? 0));
  return (
    <ul className={classes.list} aria-label={label}>
      {rows.map((row) => (
        <li key={row.key}>
          <div className={classes.head}>
            <span>{row.label}</span>
            <span>{row.text}</span>
          </div>
          <Meter value={row.value ?? 0} max={max} muted={row.muted} />
        </li>
      ))}
    </ul>
  );
}
