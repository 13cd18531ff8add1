/** One option of a button-style radio group. */
export interface RadioOption<T extends string> {
  value: T;
  label: string;
  title?: string;
}

/**
 * The buttons of a button-style radio group (the caller draws the role="radiogroup" container and its label).
 * Each is `data-testid="<testIdPrefix>-<value>"`; `buttonClass` styles it by whether it is the chosen one.
 */
export function RadioOptions<T extends string>(p: {
  value: T;
  options: ReadonlyArray<RadioOption<T>>;
  onChange: (v: T) => void;
  testIdPrefix: string;
  buttonClass: (selected: boolean) => string;
}) {
  return (
    <>
      {p.options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={p.value === o.value}
          data-testid={`${p.testIdPrefix}-${o.value}`}
          title={o.title}
          onClick={() => p.onChange(o.value)}
          className={p.buttonClass(p.value === o.value)}
        >
          {o.label}
        </button>
      ))}
    </>
  );
}
