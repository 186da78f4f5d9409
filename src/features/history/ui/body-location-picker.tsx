import { BODY_REGIONS, type BodySide } from '../store/body-locations';

interface PickerProps {
  value: string;
  onChange: (id: string) => void;
}

function BodyOutline({ side, value, onChange }: PickerProps & { side: BodySide }) {
  const regions = BODY_REGIONS.filter((r) => r.side === side);
  return (
    <figure className="body-map__figure">
      <svg viewBox="0 0 100 220" className="body-map__svg" role="group" aria-label={`Body, ${side} view`}>
        {regions.map((region) => {
          const [x, y, width, height] = region.box;
          const selected = region.id === value;
          const choose = () => onChange(region.id);
          return (
            <rect
              key={region.id}
              x={x}
              y={y}
              width={width}
              height={height}
              rx={region.id.endsWith('head') ? 12 : 4}
              className={selected ? 'body-map__region body-map__region--selected' : 'body-map__region'}
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              aria-label={`${region.label}, ${side}`}
              onClick={choose}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  choose();
                }
              }}
            >
              <title>{`${region.label}, ${side}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>{side === 'front' ? 'Front' : 'Back'}</figcaption>
    </figure>
  );
}

/** Where the mole is: tap a region on the front/back outline, or pick it from the list (same choices). */
export function BodyLocationPicker({ value, onChange }: PickerProps) {
  return (
    <fieldset className="body-map">
      <legend>Where is the mole?</legend>
      <div className="body-map__figures">
        <BodyOutline side="front" value={value} onChange={onChange} />
        <BodyOutline side="back" value={value} onChange={onChange} />
      </div>
      <label className="history-field">
        <span>Body location</span>
        <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="body-location">
          <option value="">Choose…</option>
          {BODY_REGIONS.map((region) => (
            <option key={region.id} value={region.id}>
              {`${region.label}, ${region.side}`}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
