const SIGNS: Array<[string, string, string]> = [
  ['A', 'Asymmetry', 'one half does not match the other'],
  ['B', 'Border', 'ragged, notched or blurred edges'],
  ['C', 'Colour', 'several colours or uneven shades of brown, black, red, white or blue'],
  ['D', 'Diameter', 'larger than about 6 mm (a pencil eraser)'],
  ['E', 'Evolving', 'changing in size, shape or colour, or itching or bleeding'],
];

/** The ABCDE warning signs: whatever the app says, any of these is a reason to see a doctor. */
export function AbcdeSigns() {
  return (
    <section className="abcde" aria-labelledby="abcde-heading">
      <h2 id="abcde-heading">Warning signs to watch for (ABCDE)</h2>
      <dl>
        {SIGNS.map(([letter, name, meaning]) => (
          <div key={letter} className="abcde__sign">
            <dt>
              <span className="abcde__letter" aria-hidden="true">
                {letter}
              </span>
              {name}
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>Any of these is a reason to see a doctor, whatever this app says.</p>
    </section>
  );
}
