import classes from './Meter.module.css';

/**
 * A horizontal bar drawn in CSS for `value` out of `max`: decoration only (hidden from screen
 * readers), so the figure must also be written in words beside it.
 */
export function Meter({
  value,
  max,
  size = 'md',
  muted = false,
}: {
  value: number;
  max: number;
  size?: 'sm' | 'md';
  muted?: boolean;
}) {
  return (
    <div className={`${classes.track} ${size === 'sm' ? classes.small : ''}`} aria-hidden="true">
      <div
        className={`${classes.bar} ${muted ? classes.muted : ''}`}
        style={{ width: `${max > 0 ? (value / max) * 100 : 0}%` }}
      />
    </div>
  );
}
