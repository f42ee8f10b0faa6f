/** Work done of work to do, as a bar with its text below; the bar sweeps while `percent` is not known. */
export function ProgressBar({
  label,
  text,
  percent,
  done,
  total,
}: {
  label: string;
  text: string;
  percent: number | null;
  done: number;
  total: number | undefined;
}) {
  return (
    <div className="progress">
      <div
        className={`progress__track${percent === null ? ' progress__track--indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={percent === null ? undefined : done}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <p className="progress__text">{text}</p>
    </div>
  );
}
